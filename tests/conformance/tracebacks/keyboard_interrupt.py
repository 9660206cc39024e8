# SIGINT raises KeyboardInterrupt; uncaught, it is reported and the process
# ends by SIGINT (exit status -2 to a parent), after `finally` blocks ran.
import os
import signal


def work():
    total = 0
    try:
        for i in range(10 ** 9):
            total += i
            if i == 1000:
                os.kill(os.getpid(), signal.SIGINT)
    finally:
        print("finally ran at", i)


# (Set explicitly: a process started with SIGINT ignored keeps it.)
signal.signal(signal.SIGINT, signal.default_int_handler)
work()
