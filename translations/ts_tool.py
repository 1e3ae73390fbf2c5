#!/usr/bin/env python3
"""Maintains the .ts files beside this script.

  ts_tool.py export FILE.ts OUT.json   unfinished messages as a JSON list to translate
  ts_tool.py import FILE.ts IN.json    writes the translations of a filled JSON list back
  ts_tool.py english FILE.ts           fills the English file: source text, and the two plural
                                       forms made from "word(s)"
  ts_tool.py check FILE.ts...          fails on unfinished messages, messages with no context, or
                                       placeholders (%1, %n, …) that differ between source and
                                       translation
  ts_tool.py current LUPDATE PROJECT.json FILE.ts...
                                       fails when lupdate, run over the sources (on copies of the
                                       files), would add or remove a message: the files are stale

The JSON entries are {"context", "source", "comment", "numerus", "translation"}; for a numerus
message "translation" is a list of forms (German and English: 2; Turkish: 1, extra forms are
dropped on import).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:n|L?\d+)")


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def save(tree, path):
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def key(context, message):
    return (context, message.findtext("source"), message.findtext("comment") or "")


def is_unfinished(message):
    translation = message.find("translation")
    return translation is None or translation.get("type") in ("unfinished",)


def export(ts_path, json_path):
    _, root = load(ts_path)
    out = []
    for context, message in messages(root):
        if not is_unfinished(message):
            continue
        numerus = message.get("numerus") == "yes"
        out.append({"context": context, "source": message.findtext("source"),
                    "comment": message.findtext("comment") or "", "numerus": numerus,
                    "translation": ["", ""] if numerus else ""})
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    print(f"{len(out)} unfinished messages written to {json_path}")


def set_translation(message, value):
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    wanted = len(translation.findall("numerusform")) or 2
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        # As many forms as the language has (lupdate writes that many: German 2, Turkish 1).
        translation.text = None
        forms = value if isinstance(value, list) else [value]
        forms = (forms + forms[-1:] * wanted)[:wanted] if forms else forms
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value


def import_(ts_path, json_path):
    tree, root = load(ts_path)
    with open(json_path, encoding="utf-8") as f:
        entries = {(e["context"], e["source"], e.get("comment", "")): e["translation"]
                   for e in json.load(f)}
    done = 0
    for context, message in messages(root):
        value = entries.get(key(context, message))
        if value and (not isinstance(value, list) or all(value)):
            set_translation(message, value)
            done += 1
    save(tree, ts_path)
    print(f"{done} translations written to {ts_path}")


def english(ts_path):
    tree, root = load(ts_path)
    plural = re.compile(r"(\w+)\((\w+)\)")
    for _, message in messages(root):
        source = message.findtext("source")
        if message.get("numerus") == "yes":
            set_translation(message, [plural.sub(r"\1", source), plural.sub(r"\1\2", source)])
        else:
            set_translation(message, source)
    save(tree, ts_path)


def check(paths):
    problems = 0
    for path in paths:
        _, root = load(path)
        count = 0
        for context, message in messages(root):
            count += 1
            source = message.findtext("source")
            where = f"{path}: [{context}] {source!r}"
            if not context:
                # lupdate could not tell the class (tr() through an alias, a header it did not
                # find): at run time the message has a context of its own and is never translated.
                print(f"{where}: no context")
                problems += 1
            if is_unfinished(message):
                print(f"{where}: unfinished")
                problems += 1
                continue
            translation = message.find("translation")
            forms = ([f.text or "" for f in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [translation.text or ""])
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for form in forms:
                if not form.strip():
                    print(f"{where}: empty translation")
                    problems += 1
                elif sorted(set(PLACEHOLDER.findall(form))) != wanted and not (
                        message.get("numerus") == "yes" and "%n" not in form
                        and sorted(set(PLACEHOLDER.findall(form)) | {"%n"}) == wanted):
                    print(f"{where}: placeholders differ in {form!r}")
                    problems += 1
        print(f"{path}: {count} messages checked")
    print(f"{problems} problems")
    return 1 if problems else 0


def current(lupdate, project, paths):
    stale = 0
    with tempfile.TemporaryDirectory() as folder:
        for path in paths:
            copy = os.path.join(folder, os.path.basename(path))
            shutil.copyfile(path, copy)
            run = subprocess.run([lupdate, "-project", project, "-no-obsolete", "-locations",
                                  "none", "-ts", copy], capture_output=True, text=True,
                                 timeout=300)
            report = run.stdout + run.stderr
            found = re.search(r"\((\d+) new and \d+ already existing\)", report)
            removed = re.search(r"Removed (\d+) obsolete", report)
            added = int(found.group(1)) if found else -1
            gone = int(removed.group(1)) if removed else 0
            if run.returncode != 0 or added != 0 or gone != 0:
                print(f"{path}: lupdate would add {added} and remove {gone} messages; run "
                      f"`cmake --build build --target update_translations`\n{report}")
                stale += 1
            else:
                print(f"{path}: current")
    return 1 if stale else 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "export":
        export(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "import":
        import_(argv[2], argv[3])
    elif len(argv) >= 3 and argv[1] == "english":
        english(argv[2])
    elif len(argv) >= 3 and argv[1] == "check":
        return check(argv[2:])
    elif len(argv) >= 5 and argv[1] == "current":
        return current(argv[2], argv[3], argv[4:])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
