#!/usr/bin/env python3
"""The wall time and the CPU time of a command's whole process tree, whatever else runs on the machine.

It runs the command as a child subreaper: every descendant (MSBuild nodes, csc, test hosts, daemons), even one
orphaned when its parent exits, is reaped here, so its CPU time is counted (`time` misses MSBuild's nodes, which
outlive the command). On a shared machine the CPU time is the figure to compare; wall time depends on the load.
Appends one line "LABEL: rc N, W s wall, C s CPU (U user + S sys)" to OUTFILE and prints it.

Usage: bench/cputime.py LABEL OUTFILE -- COMMAND [ARGS...]   (docs/measurements.md, CI time)"""
import ctypes, os, resource, subprocess, sys, time
label, out = sys.argv[1], sys.argv[2]
cmd = sys.argv[sys.argv.index('--') + 1:]
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
t0 = time.monotonic()
p = subprocess.Popen(cmd)
rc = None
while True:  # reap the command and every orphaned descendant as each ends, until none is left
    try:
        pid, status = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    if pid == p.pid:
        rc = os.waitstatus_to_exitcode(status)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
line = f"{label}: rc {rc}, {wall:.0f} s wall, {ru.ru_utime + ru.ru_stime:.0f} s CPU ({ru.ru_utime:.0f} user + {ru.ru_stime:.0f} sys)"
print(line)
with open(out, 'a') as f: f.write(line + '\n')
sys.exit(rc)
