import sys
ti = sys.thread_info
print(ti.name, ti.lock, ti.version.startswith("NPTL "), len(ti), type(ti).__name__)
names = sys.stdlib_module_names
print(type(names).__name__, len(names), "os" in names, "numpy" in names, sorted(names)[:5])
print(sys.is_finalizing())
class A:
    def __del__(self):
        print("del: finalizing", sys.is_finalizing())
keep = A()
