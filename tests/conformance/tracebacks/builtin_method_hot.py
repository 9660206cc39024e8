# An exception from a method of a builtin type, raised in a function that
# a hot loop calls (compiled code may have inlined it).


def take(stack):
    return stack.pop()


def drain(stack, n):
    total = 0
    for i in range(n):
        total += take(stack)
    return total


print(drain(list(range(5000)), 5000))
print(drain(list(range(100)), 3000))
