#!/usr/bin/env python3
"""Make a kronika site into a git repository with several commits per item, to time what
reading the change register adds to a build (docs/dev/performance.md, "Performance").

    python3 bench/history_repo.py --root SITE [--batch 100] [--rounds 3] [--moves 1000]

SITE is a kronika site that is not yet a repository, e.g. one written by the corpus
generator of docs/dev/performance.md "Performance" (10 000 items). The script commits:

  1. everything, as one import;
  2. --rounds rounds of edits: each round appends a line to every item's Polish file (and,
     in every second round, to its English file), --batch items per commit, by one of
     five authors, a day apart (10 000 items, 3 rounds: 300 commits, each Polish file
     in 4 commits, each English one in 2 or 3);
  3. one commit that moves --moves items from `<name>.<lang>.md` to `<name>/index.<lang>.md`.

Dates are fixed (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE), and the machine's git
configuration is not read, so the same site gives the same repository. Only the Python
standard library is used.
"""

import argparse
import datetime
import os
import pathlib
import subprocess
import tempfile

AUTHORS = ["Anna Nowak", "Jan Kowalski", "Ewa Zielińska", "Piotr Wiśniewski", "Zofia Łącka"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--moves", type=int, default=1000)
    args = ap.parse_args()

    root = pathlib.Path(args.root).resolve()
    news = root / "content" / "news"
    home = tempfile.mkdtemp(prefix="history-repo-home-")
    day = [datetime.date(2015, 1, 1)]
    count = [0]

    def git(*a, author="Redakcja BIP"):
        stamp = f"{day[0].isoformat()}T12:00:00+01:00"
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        subprocess.run(["git", "-C", str(root), "-c", f"user.name={author}",
                        "-c", "user.email=bip@example.org", "-c", "init.defaultBranch=main",
                        "-c", "commit.gpgSign=false", *a], check=True, env=env,
                       stdout=subprocess.DEVNULL)

    def commit(message, author):
        git("commit", "-q", "-m", message, author=author)
        day[0] += datetime.timedelta(days=1)
        count[0] += 1

    git("init", "-q")
    (root / ".gitignore").write_text("public/\n.kronika-cache/\n", encoding="utf-8")
    git("add", "-A")
    commit("Import archiwum", AUTHORS[0])

    polish = sorted(news.glob("*.pl.md"))
    for r in range(args.rounds):
        for b in range(0, len(polish), args.batch):
            batch = polish[b:b + args.batch]
            for pl in batch:
                files = [pl]
                en = pl.with_name(pl.name[:-len(".pl.md")] + ".en.md")
                if r % 2 == 1 and en.exists():
                    files.append(en)
                for f in files:
                    with f.open("a", encoding="utf-8") as out:
                        out.write(f"\nAktualizacja {r + 1}.\n")
            git("add", *[str(p) for p in batch], *[
                str(p.with_name(p.name[:-len(".pl.md")] + ".en.md")) for p in batch
                if r % 2 == 1 and p.with_name(p.name[:-len(".pl.md")] + ".en.md").exists()])
            commit(f"Runda {r + 1}: poprawki {b // args.batch + 1}", AUTHORS[(b // args.batch + r) % 5])

    for pl in polish[:args.moves]:
        name = pl.name[:-len(".pl.md")]
        (news / name).mkdir()
        for lang in ("pl", "en"):
            f = news / f"{name}.{lang}.md"
            if f.exists():
                f.rename(news / name / f"index.{lang}.md")
    git("add", "-A", str(news))
    commit("Wpisy przeniesione do folderów", AUTHORS[1])
    print(f"{count[0]} commits in {root}")


if __name__ == "__main__":
    main()
