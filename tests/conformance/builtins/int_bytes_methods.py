# int.to_bytes / int.from_bytes arguments and errors (argument clinic messages), and the
# argument checks of int and float methods that take none.
import enum
class I(enum.IntEnum):
    A = 2
cases = [
 "(5).to_bytes(-1, 'big')", "(5).to_bytes(2, 'big', True)", "(5).to_bytes(foo=1)", "(5).to_bytes(2, byteorder=1)",
 "(5).to_bytes(2, 'BIG')", "(5).to_bytes(2.0)", "(5).to_bytes(I.A)", "(-1).to_bytes(0, 'big', signed=True)",
 "(0).to_bytes(0, 'big')", "(1).to_bytes(0, 'big')", "(-1).to_bytes(1, 'big', signed=True)", "(-129).to_bytes(1, 'big', signed=True)",
 "(-128).to_bytes(1, 'big', signed=True)", "(128).to_bytes(1, 'big', signed=True)", "(255).to_bytes(1)", "(256).to_bytes(1)",
 "(-1).to_bytes(2)", "(2**64).to_bytes(9, 'little')", "(5).to_bytes(length=2, byteorder='little', signed=True)",
 "(5).to_bytes(2, 'big', signed=None)", "(5).to_bytes(2, 'big', signed=[])", "(-2**63).to_bytes(8, 'big', signed=True)",
 "(5).to_bytes(2**70, 'big')",
 "int.from_bytes([256], 'big')", "int.from_bytes([-1], 'big')", "int.from_bytes(b'\\x01', 'BIG')", "int.from_bytes(b'\\x01', None)",
 "int.from_bytes(b'\\x01', 'big', True)", "bool.from_bytes(b'\\x01', 'big')", "bool.from_bytes(b'\\x00')", "I.from_bytes(b'\\x02')",
 "int.from_bytes(b'\\xff\\xff', 'little', signed=True)", "int.from_bytes(b'')", "int.from_bytes(b'', signed=True)",
 "int.from_bytes(bytearray(b'\\x01\\x00'))", "int.from_bytes(memoryview(b'\\x01\\x00'), 'little')", "int.from_bytes('ab')",
 "int.from_bytes(5)", "int.from_bytes([1, 2.0])", "int.from_bytes(b'\\x01', byteorder='little', foo=1)", "int.from_bytes()",
 "(5).bit_length(1)", "(1.5).hex(1)", "(5.0).is_integer(1)", "(1.5).as_integer_ratio(1)", "(5).bit_count(1)", "(5).as_integer_ratio(1)",
 "(5).conjugate(1)", "(5).__round__(1, 2)", "(5).__index__(1)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, '->', type(r).__name__, r if not isinstance(r, bytes) or len(r) < 40 else len(r))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
