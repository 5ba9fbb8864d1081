"""`nejtak eval`: how well the pipeline separates pitches from wanted mail on labelled data."""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from nejtak.bot.config import Config
from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.sources import load_in_date_order
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store
from nejtak.bot.triage import read_sent

Progress = Callable[[str, int, int], None]


def _label_of_folder(name: str) -> bool | None:
    low = name.lower()
    if "spam" in low or "pitch" in low:
        return True
    if "ham" in low or "wanted" in low:
        return False
    return None


def _run(config: Config, name: str, messages: list[Inbound], progress: Progress | None,
         sent: Path | None = None) -> list[tuple[Inbound, object]]:
    store = Store("sqlite://", freemail_domains=config.classifier.freemail_domains)
    try:
        if sent is not None:
            read_sent(store, [str(sent)])
        pipeline = Pipeline(config, store, simulate=True)
        results = []
        for i, msg in enumerate(messages, start=1):
            outcome = pipeline.process(msg, keep_body=False)
            results.append((msg, outcome.decision))
            if progress:
                progress(name, i, len(messages))
        return results
    finally:
        store.close()


def _folder_figures(name: str, positive: bool, results) -> dict:
    decided = [d for _, d in results if d is not None]
    marked = sum(d.verdict.unsolicited for d in decided)
    return {
        "folder": name,
        "label": "unsolicited" if positive else "wanted",
        "messages": len(results),
        "marked_unsolicited": marked,
        "rate": round(marked / len(results), 4) if results else 0.0,
        "replies": sum(d.action == "reply" for d in decided),
        "drafts": sum(d.action == "draft" for d in decided),
        "unreadable": sum(1 for m, _ in results if m.error),
    }


def _sms_messages(path: Path) -> dict[str, list[Inbound]]:
    sets: dict[str, list[Inbound]] = {"sms/spam": [], "sms/ham": []}
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        label, _, text = line.partition("\t")
        if label not in ("ham", "spam"):
            continue
        sets[f"sms/{label}"].append(Inbound(channel="sms", source=f"{path}#{i}", message_id=f"sms-{i}",
                                            sender=f"sms:{i}", text=text))
    return sets


def _summary(folders: list[dict]) -> dict:
    tp = sum(f["marked_unsolicited"] for f in folders if f["label"] == "unsolicited")
    pos = sum(f["messages"] for f in folders if f["label"] == "unsolicited")
    fp = sum(f["marked_unsolicited"] for f in folders if f["label"] == "wanted")
    neg = sum(f["messages"] for f in folders if f["label"] == "wanted")
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / pos, 4) if pos else None,
        "false_positive_rate": round(fp / neg, 4) if neg else None,
        "replies_to_wanted": sum(f["replies"] for f in folders if f["label"] == "wanted"),
    }


def evaluate_devset(config: Config, root: Path, progress: Progress | None) -> dict:
    """A set with labels.toml, inbox/ and sent/: the bars of the development set."""
    labels = tomllib.loads((root / "labels.toml").read_text(encoding="utf-8"))
    messages = load_in_date_order([str(root / "inbox")])
    results = _run(config, root.name, messages, progress, root / "sent" if (root / "sent").is_dir() else None)
    wrong, rule_breaks, wanted_replies, pitches, in_language, repeats, escalated = [], [], [], 0, 0, 0, 0
    positives = negatives = tp = fp = 0
    for msg, d in results:
        label = labels.get(Path(msg.source).name)
        if label is None or d is None:
            continue
        speaks = d.action in ("reply", "draft") and d.reply is not None
        if label["unsolicited"]:
            positives += 1
            tp += d.verdict.unsolicited
        else:
            negatives += 1
            fp += d.verdict.unsolicited
            if speaks:
                wanted_replies.append(msg.source)
        if speaks and not label["reply_allowed"]:
            rule_breaks.append(msg.source)
        if label["unsolicited"] and label["reply_allowed"]:
            pitches += 1
            if speaks and d.reply.language == label["language"]:
                in_language += 1
        if label["unsolicited"] and label.get("repeat", 0) >= 1:
            repeats += 1
            escalated += d.escalate
        if d.verdict.unsolicited != label["unsolicited"]:
            wrong.append(f"{Path(msg.source).name}: labelled {label['unsolicited']}, score {d.verdict.score}")
    return {
        "set": str(root),
        "messages": len(results),
        "pitches": positives,
        "wanted": negatives,
        "recall": round(tp / positives, 4) if positives else None,
        "false_positive_rate": round(fp / negatives, 4) if negatives else None,
        "replies_to_wanted": wanted_replies,
        "replies_breaking_a_rule": rule_breaks,
        "answerable_pitches": pitches,
        "answered_in_own_language": round(in_language / pitches, 4) if pitches else None,
        "repeats": repeats,
        "repeats_escalated": escalated,
        "misjudged": wrong,
    }


def evaluate_paths(config: Config, paths: list[str], progress: Progress | None = None) -> dict:
    folders: list[dict] = []
    devsets: list[dict] = []
    for p in map(Path, paths):
        if (p / "labels.toml").is_file():
            devsets.append(evaluate_devset(config, p, progress))
            continue
        if p.is_file():
            for name, msgs in _sms_messages(p).items():
                folders.append(_folder_figures(name, name.endswith("spam"), _run(config, name, msgs, progress)))
            continue
        subfolders = [d for d in sorted(p.iterdir()) if d.is_dir()] or [p]
        for folder in subfolders:
            label = _label_of_folder(folder.name)
            if label is None:
                continue
            name = f"{p.name}/{folder.name}" if folder != p else p.name
            msgs = load_in_date_order([str(folder)])
            folders.append(_folder_figures(name, label, _run(config, name, msgs, progress)))
    report: dict = {"folders": folders, "devsets": devsets}
    if folders:
        report["summary"] = _summary(folders)
    return report


def format_report(report: dict) -> str:
    lines = []
    if report["folders"]:
        lines.append(f"{'folder':<28}{'label':<13}{'messages':>9}{'marked':>8}{'rate':>8}{'replies':>8}")
        for f in report["folders"]:
            lines.append(f"{f['folder']:<28}{f['label']:<13}{f['messages']:>9}{f['marked_unsolicited']:>8}"
                         f"{f['rate']:>8.2%}{f['replies']:>8}")
        s = report["summary"]
        fmt = lambda v: "n/a" if v is None else f"{v:.2%}"  # noqa: E731
        lines.append(f"precision {fmt(s['precision'])}  recall {fmt(s['recall'])}  "
                     f"false-positive rate {fmt(s['false_positive_rate'])}  replies to wanted {s['replies_to_wanted']}")
    for d in report["devsets"]:
        lines.append(f"\n{d['set']}: {d['messages']} messages ({d['pitches']} pitches, {d['wanted']} wanted)")
        lines.append(f"  recall {d['recall']:.2%}  false-positive rate {d['false_positive_rate']:.2%}")
        lines.append(f"  replies to wanted mail: {len(d['replies_to_wanted'])}  "
                     f"replies breaking a reply rule: {len(d['replies_breaking_a_rule'])}")
        lines.append(f"  pitches answered in their own language: {d['answered_in_own_language']:.2%} "
                     f"of {d['answerable_pitches']}")
        lines.append(f"  repeats escalated: {d['repeats_escalated']} of {d['repeats']}")
        for w in d["misjudged"]:
            lines.append(f"  misjudged: {w}")
        for w in d["replies_to_wanted"] + d["replies_breaking_a_rule"]:
            lines.append(f"  WRONG REPLY: {w}")
    return "\n".join(lines)
