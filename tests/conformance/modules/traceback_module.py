# traceback: format_exc / format_exception_only / print_exc to a file.
import traceback
import io

def fail():
    raise ValueError("bad value")

try:
    fail()
except ValueError:
    text = traceback.format_exc()
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print("mentions fail():", any("in fail" in l for l in lines))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print("print_exc same text:", buf.getvalue() == text)

try:
    {}["missing"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception(e)[-1], end="")

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    text = "".join(traceback.format_exception(e))
    print("chained:", "direct cause" in text, text.splitlines()[-1])
print(traceback.format_exception_only(ValueError("v"))[0], end="")
