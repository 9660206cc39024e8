try:
    int(bytearray(b'1 2'))
except ValueError as e:
    print(e)
try:
    int(b' 1x')
except ValueError as e:
    print(e)
try:
    float(bytearray(b'1 2'))
except ValueError as e:
    print(e)
try:
    int(memoryview(b'12a'))
except ValueError as e:
    print(e)
print(int(bytearray(b' 42 ')), float(bytearray(b' 1.5e3 ')), int(bytearray(b'ff'), 16))
try:
    int(bytearray(b'zz'), 16)
except ValueError as e:
    print(e)
