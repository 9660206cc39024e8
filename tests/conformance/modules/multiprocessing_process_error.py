# A child process whose target raises: "Process NAME:" and the traceback on
# stderr, exit code 1; the parent goes on. Then an error raised in a pool
# worker ends the program with the worker's exception.
import multiprocessing as mp


def boom(n):
    if n > 1:
        raise KeyError('missing %d' % n)
    return n


if __name__ == '__main__':
    p = mp.Process(target=boom, args=(5,), name='Failing')
    p.start()
    p.join()
    print(p.name, p.exitcode)
    with mp.Pool(2) as pool:
        print(pool.map(boom, [0, 1]))
        pool.map(boom, [0, 1, 2, 1])
