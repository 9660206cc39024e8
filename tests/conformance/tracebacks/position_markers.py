# PEP 657 position markers under traceback source lines: binary operations
# (~ under the operands, ^ under the operator), subscripts, attribute
# accesses, calls, method calls, multi-line and whole-line expressions,
# non-ASCII text before the expression, tab indentation, several frames.
import traceback


def show(fn):
    try:
        fn()
    except Exception:
        # traceback.format_exc(), with paths reduced to file names.
        for line in traceback.format_exc().splitlines():
            if line.startswith('  File "'):
                path, rest = line[8:].split('"', 1)
                line = '  File "' + path.rsplit("/", 1)[-1] + '"' + rest
            print(line)
    print("--")


class Box:
    def __init__(self, value):
        self.value = value

    def ratio(self, other):
        return self.value / other.value

    def item(self, key):
        return self.value[key]


def binary_op():
    a, b = 10, 0
    return a + a // b


def parenthesised_operands():
    a, b = 3, 0
    return (a * 2) % (b)


def power_operator():
    x = "2"
    return 1 + x ** 2


def subscript():
    data = {"a": [1, 2, 3]}
    return data["a"][7]


def subscript_slice_tuple():
    data = [1, 2]
    return data[1, 2]


def attribute():
    box = Box(None)
    return box.value.missing


def attribute_store():
    box = None
    box.value = 3


def call():
    return int("forty-two")


def nested_calls():
    return len(str(int("x1")))


def method_call():
    return Box(1).ratio(Box(0))


def method_chain():
    return Box({"k": "v"}).item("k").index("z")


def multi_line_call():
    return int(
        "not a number",
    )


def multi_line_binop():
    x = 1
    return (x +
            "s")


def whole_line():
    int("x")


def non_ascii():
    café = {"naïve": 1}; return café["schön"]


def wide_characters():
    label = "日本語"; return label + 1


def tab_indented():
	values = [1, 2, 3]
	return values[10] + 1


def inner(n):
    return {"n": n}["m"]


def middle(n):
    return 2 * inner(n + 1)


def outer():
    return middle(1) + middle(2)


for case in [binary_op, parenthesised_operands, power_operator, subscript,
             subscript_slice_tuple, attribute, attribute_store, call, nested_calls,
             method_call, method_chain, multi_line_call, multi_line_binop,
             whole_line, non_ascii, wide_characters, tab_indented, outer]:
    show(case)

result = [outer() for _ in range(1)]
