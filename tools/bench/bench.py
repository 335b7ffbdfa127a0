#!/usr/bin/env python3
"""Compare ctxlint's cost with the compiler front end's on a compile DB.

For every TU in <dbdir>/compile_commands.json:
  * clang-19 -fsyntax-only with the TU's exact flags (compiler, -c, -o <out>,
    dependency-file options and the source itself are dropped, the source is
    passed last), run in the entry's directory;
  * ctxlint -p <dbdir> [args] <file>  (one process per TU, single-threaded);
each under /usr/bin/time -f '%e %M'. Then one whole-DB ctxlint run
(ctxlint -p <dbdir> [args] <all files>) for the batch wall time / peak RSS.

Prints per-run totals: wall time, sum of per-TU times, peak RSS, and the
ctxlint/clang ratios for time and peak memory. `--json FILE` also writes
them machine-readably.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

TIME = '/usr/bin/time'

# Flags (with their separate argument, if any) that produce outputs or
# dependency files: meaningless (or harmful) for -fsyntax-only.
DROP_WITH_ARG = {'-o', '-MF', '-MT', '-MQ', '-MJ', '-Xclang-dep-file'}
DROP_ALONE = {'-c', '-S', '-E', '-M', '-MM', '-MD', '-MMD', '-MP', '-MG',
              '-fsyntax-only', '-save-temps'}


def drop_joined(a):
    """Joined forms: -Wp,-MMD,dep.d  -MFdep.d  -ofile.o"""
    if a.startswith(('-Wp,-MD', '-Wp,-MMD')):
        return True
    return len(a) > 3 and a[:3] in ('-MF', '-MT', '-MQ') or (
        len(a) > 2 and a.startswith('-o') and not a.startswith('-O'))


def entry_args(e):
    if 'arguments' in e:
        return list(e['arguments'])
    return shlex.split(e['command'])


def syntax_only_args(e):
    """Return the argument list (without compiler) for -fsyntax-only."""
    args = entry_args(e)[1:]
    src = e['file']
    src_abs = os.path.realpath(os.path.join(e['directory'], src))
    out = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in DROP_WITH_ARG:
            i += 2
            continue
        if a in DROP_ALONE:
            i += 1
            continue
        if drop_joined(a):
            i += 1
            continue
        # the source file itself (any spelling)
        if not a.startswith('-') and os.path.realpath(
                os.path.join(e['directory'], a)) == src_abs:
            i += 1
            continue
        out.append(a)
        i += 1
    return out, src_abs


def timed(cmd, cwd, log):
    """Run cmd under GNU time; return (rc, wall_s, peak_kib)."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as tf:
        full = [TIME, '-f', '%e %M', '-o', tf.name] + cmd
        with open(log, 'ab') as lf:
            lf.write(('$ cd %s && %s\n' % (cwd, shlex.join(cmd))).encode())
            lf.flush()
            p = subprocess.run(full, cwd=cwd, stdout=lf, stderr=lf)
        lines = [l for l in tf.read().splitlines() if l.strip()]
    try:
        wall, rss = lines[-1].split()
        return p.returncode, float(wall), int(rss)
    except (IndexError, ValueError):
        return p.returncode, 0.0, 0


def summarize(name, runs, wall):
    ok = [r for r in runs if r['ok']]
    return {
        'tool': name,
        'tus': len(runs),
        'failed': len(runs) - len(ok),
        'wall_s': round(wall, 2),
        'sum_tu_s': round(sum(r['time_s'] for r in runs), 2),
        'peak_rss_kib': max((r['rss_kib'] for r in runs), default=0),
    }


def fmt(s):
    return ('%-22s TUs=%-4d failed=%-3d wall=%8.2fs  sum(TU)=%8.2fs  '
            'peak RSS=%7.1f MiB' % (s['tool'], s['tus'], s['failed'],
                                    s['wall_s'], s['sum_tu_s'],
                                    s['peak_rss_kib'] / 1024.0))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dbdir')
    ap.add_argument('ctxlint', nargs='?')
    ap.add_argument('--clang', default='clang-19')
    ap.add_argument('--ctxlint-arg', action='append', default=[],
                    help='extra argument for ctxlint (repeatable), '
                         'e.g. --ctxlint-arg=--checks=...')
    ap.add_argument('--no-clang', action='store_true')
    ap.add_argument('--no-ctxlint', action='store_true')
    ap.add_argument('--no-batch', action='store_true',
                    help='skip the whole-DB ctxlint run')
    ap.add_argument('--limit', type=int, default=0, help='only the first N TUs')
    ap.add_argument('--json', help='write the summary as JSON here')
    ap.add_argument('--log', help='tool output log (default: <tmp>/bench.log)')
    a = ap.parse_args()

    if not os.path.exists(TIME):
        sys.exit('bench: %s (GNU time) not found: scripts/install-deps.sh' % TIME)
    dbdir = os.path.realpath(a.dbdir)
    dbfile = os.path.join(dbdir, 'compile_commands.json')
    if not os.path.isfile(dbfile):
        sys.exit('bench: %s not found' % dbfile)
    db = json.load(open(dbfile))
    if a.limit:
        db = db[:a.limit]
    if not db:
        sys.exit('bench: empty compile DB')
    log = a.log or os.path.join(tempfile.gettempdir(), 'ctxlint-bench.log')
    open(log, 'w').close()
    print('bench: %d TUs from %s; tool output -> %s' % (len(db), dbfile, log),
          flush=True)

    summary = {'db': dbfile, 'tus': len(db)}
    per_tu = []
    files = []
    for e in db:
        args, src = syntax_only_args(e)
        files.append(src)
        per_tu.append({'file': src, 'dir': e['directory'], 'args': args})

    if not a.no_clang:
        runs = []
        t0 = time.monotonic()
        for t in per_tu:
            rc, w, m = timed([a.clang, '-fsyntax-only'] + t['args'] + [t['file']],
                             t['dir'], log)
            runs.append({'file': t['file'], 'rc': rc, 'ok': rc == 0,
                         'time_s': w, 'rss_kib': m})
            if rc != 0:
                print('  clang FAILED (rc=%d): %s' % (rc, t['file']), flush=True)
        summary['clang'] = summarize('clang -fsyntax-only', runs,
                                     time.monotonic() - t0)
        summary['clang_runs'] = runs
        print(fmt(summary['clang']), flush=True)

    if not a.no_ctxlint:
        exe = a.ctxlint
        if not exe or not os.access(exe, os.X_OK):
            print('bench: ctxlint binary %r not found/executable: skipping the '
                  'ctxlint half' % exe, flush=True)
        else:
            exe = os.path.realpath(exe)
            base = [exe, '-p', dbdir]
            # single-threaded, all checks (cl::opt options may only appear
            # once, so only when the caller did not pass their own)
            if not any(x.startswith('-j') for x in a.ctxlint_arg):
                base.append('-j1')
            if not any(x.startswith('--checks') for x in a.ctxlint_arg):
                base.append('--checks=ctxlint-*')
            base += a.ctxlint_arg
            runs = []
            t0 = time.monotonic()
            for t in per_tu:
                rc, w, m = timed(base + ['--quiet', t['file']], dbdir, log)
                # 0 clean, 1 findings; 2 usage error, 3 a TU failed
                runs.append({'file': t['file'], 'rc': rc, 'ok': rc in (0, 1),
                             'time_s': w, 'rss_kib': m})
                if rc not in (0, 1):
                    print('  ctxlint FAILED (rc=%d): %s' % (rc, t['file']),
                          flush=True)
            summary['ctxlint'] = summarize('ctxlint (per TU)', runs,
                                           time.monotonic() - t0)
            summary['ctxlint_runs'] = runs
            print(fmt(summary['ctxlint']), flush=True)
            if not a.no_batch:
                rc, w, m = timed(base + ['--quiet'] + files, dbdir, log)
                summary['ctxlint_batch'] = {
                    'tool': 'ctxlint (one process)', 'tus': len(files),
                    'failed': 0 if rc in (0, 1) else len(files), 'rc': rc,
                    'wall_s': w, 'sum_tu_s': w, 'peak_rss_kib': m}
                print(fmt(summary['ctxlint_batch']) + '  rc=%d' % rc, flush=True)

    c, x = summary.get('clang'), summary.get('ctxlint')
    if c and x:
        tr = x['sum_tu_s'] / c['sum_tu_s'] if c['sum_tu_s'] else float('nan')
        mr = (x['peak_rss_kib'] / c['peak_rss_kib']) if c['peak_rss_kib'] else float('nan')
        summary['ratio_time'] = round(tr, 3)
        summary['ratio_peak_rss'] = round(mr, 3)
        print('ratio ctxlint/clang: time %.2fx (sum of per-TU), peak RSS %.2fx'
              % (tr, mr), flush=True)
    if a.json:
        with open(a.json, 'w') as f:
            json.dump(summary, f, indent=2)
    failed = sum(summary[k]['failed'] for k in ('clang', 'ctxlint') if k in summary)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
