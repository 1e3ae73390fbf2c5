#!/usr/bin/env python3
"""The yardstick for `radiocode batch`: a plain Python loop over a file of Visteon
serials, one per line, computing each code with the Visteon M-serial formula exactly as
the domain notes state it, and writing `serial,code` lines. No validation beyond the shape.

    python3 visteon_loop.py FILE > out.csv
"""
import sys

T = [
    [9, 5, 3, 4, 8, 7, 2, 6, 1, 0],
    [2, 1, 5, 6, 9, 3, 7, 0, 4, 8],
    [0, 4, 7, 3, 1, 9, 6, 5, 8, 2],
    [5, 6, 4, 1, 2, 8, 0, 9, 3, 7],
    [6, 3, 1, 2, 0, 5, 4, 8, 7, 9],
    [4, 0, 8, 7, 6, 1, 9, 3, 2, 5],
    [7, 8, 0, 5, 3, 2, 1, 4, 9, 6],
    [1, 9, 6, 8, 7, 4, 5, 2, 0, 3],
    [3, 2, 9, 0, 4, 6, 8, 7, 5, 1],
    [8, 7, 2, 9, 5, 0, 3, 1, 6, 4],
]


def visteon_code(serial):
    digits = serial[1:7]
    # n1 is the last digit, n6 the first, n7 = 0
    n1, n2, n3, n4, n5, n6 = (int(digits[5 - i]) for i in range(6))
    n7 = 0
    r1 = T[n1][5]
    r2 = T[n2][3]
    r3 = T[n3][8]
    r4 = T[n4][2]
    r5 = T[n5][1]
    r6 = T[n6][6]
    r7 = T[n7][9]
    a = T[r2][r1] + 1
    s1 = (a * (T[r6][r2] + 1) + (T[r4][r3] + 1) * (T[r7][r5] + 1) + T[r1][r4]) % 10
    s2 = (a * (T[r5][r4] + 1) + (T[r5][r2] + 1) * (T[r7][r3] + 1) + T[r1][r6]) % 10
    s3 = (a * (T[r4][r2] + 1) + (T[r3][r6] + 1) * (T[r7][r4] + 1) + T[r1][r5]) % 10
    s4 = (a * (T[r6][r3] + 1) + (T[r3][r7] + 1) * (T[r2][r5] + 1) + T[r4][r1]) % 10
    u1 = (T[s1][5] + 1) * (T[s2][1] + 1) + 105
    u2 = (T[s2][1] + 1) * (T[s4][0] + 1) + 102
    u3 = (T[s1][5] + 1) * (T[s3][8] + 1) + 103
    u4 = (T[s3][8] + 1) * (T[s4][0] + 1) + 108

    def f(u):
        return ((u // 10) % 10 + u % 10 + r1) % 10

    return "%d%d%d%d" % (f(u4), f(u3), f(u2), f(u1))


def main():
    out = sys.stdout
    with open(sys.argv[1], encoding="ascii") as lines:
        for line in lines:
            serial = line.strip()
            if len(serial) == 7 and serial[0] in "Mm" and serial[1:].isdigit():
                out.write(serial + "," + visteon_code(serial) + "\n")
            else:
                out.write(serial + ",\n")


if __name__ == "__main__":
    main()
