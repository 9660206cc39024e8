# An exception raised by a signal handler comes from the back-edge of the
# loop that was running (a `while` loop: its test's line), with the handler's
# own frame below it.
import signal


def on_alarm(signum, frame):
    raise TimeoutError("took too long: signal %d in %s" % (signum, frame.f_code.co_name))


signal.signal(signal.SIGALRM, on_alarm)


def spin():
    i = 0
    while i >= 0:
        i += 1


signal.setitimer(signal.ITIMER_REAL, 0.05)
spin()
