#!/usr/bin/env python3
"""radiocode-finder as a screen reader sees it, over the real AT-SPI bus.

Run by with_atspi_bus.sh (a virtual X server, a private D-Bus session with the accessibility
bus). Starts the program given as the first argument, finds it on the bus and checks:
  * the first page: every control a user operates has a name;
  * Tab (sent as key events through AT-SPI) visits the controls top to bottom, left to right;
  * a serial typed through the EditableText interface is announced (the field's description
    changes to "Valid. ..."), and the Continue button pressed through the Action interface
    leads to the result page;
  * the result page: every control named, and it reads the code ("Code 3 6 3 3"), the steps
    and the cautions in that order.
Every wait has a timeout; the program is stopped whatever happens. Exit 0 passed, 1 failed,
77 skipped (xdotool missing: it gives the window the keyboard, there being no window manager).
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# This Atspi marks interface getters deprecated whose replacements pygobject does not offer.
warnings.filterwarnings("ignore", category=DeprecationWarning)

SERIAL = "M212365"  # Visteon, code 3633 by the public algorithm (tests/core vectors)
SPOKEN_CODE = "Code 3 6 3 3"

NEEDS_NAME = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.TEXT, Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.MENU,
    Atspi.Role.PAGE_TAB, Atspi.Role.LIST, Atspi.Role.TABLE, Atspi.Role.TREE,
    Atspi.Role.TREE_TABLE, Atspi.Role.LINK, Atspi.Role.IMAGE,
}

failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message, flush=True)
    if not condition:
        failures.append(message)
    return condition


def pump():
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def wait_for(what, timeout, probe):
    """probe() until it returns something true; None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        pump()
        try:
            found = probe()
        except GLib.GError:  # an object went away while we looked at it
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            print(f"timed out after {timeout} s waiting for {what}", flush=True)
            return None
        time.sleep(0.05)


def showing(accessible):
    return accessible.get_state_set().contains(Atspi.StateType.SHOWING)


def walk(accessible, depth=0):
    """Depth first, as a screen reader reads; parts not on screen are left out."""
    if accessible is None or depth > 60:
        return
    if depth > 0 and not showing(accessible):
        return
    yield accessible
    for index in range(accessible.get_child_count()):
        yield from walk(accessible.get_child_at_index(index), depth + 1)


def describe(accessible):
    extents = accessible.get_extents(Atspi.CoordType.SCREEN)
    parent = accessible.get_parent()
    return (f"{accessible.get_role_name()} at ({extents.x},{extents.y}) in "
            f"{parent.get_role_name() if parent else '-'} '{parent.get_name() if parent else ''}'")


def unnamed_controls(root):
    return [describe(a) for a in walk(root)
            if a.get_role() in NEEDS_NAME and not a.get_name().strip()]


def names_in_order(root):
    return [" ".join(a.get_name().split()) for a in walk(root) if a.get_name().strip()]


def find(root, role, name_start):
    for accessible in walk(root):
        if accessible.get_role() == role and accessible.get_name().startswith(name_start):
            return accessible
    return None


def focused(root):
    for accessible in walk(root):
        if accessible.get_state_set().contains(Atspi.StateType.FOCUSED):
            return accessible
    return None


def index_of(texts, part, start=0):
    for index in range(start, len(texts)):
        if part in texts[index]:
            return index
    return -1


def focus_order_problems(stops, tolerance=8):
    """Each stop after the previous one: same row further right, or further down."""
    problems = []
    for (name_a, a), (name_b, b) in zip(stops, stops[1:]):
        same_row = abs(b.y - a.y) <= tolerance
        in_order = b.x >= a.x - tolerance if same_row else b.y > a.y
        if not in_order:
            problems.append(f"'{name_a}' at ({a.x},{a.y}) -> '{name_b}' at ({b.x},{b.y})")
    return problems


def main():
    program = sys.argv[1]
    if not shutil.which("xdotool"):
        print("SKIP: xdotool is not installed (package xdotool)")
        return 77
    log = open(os.path.join(os.environ.get("RADIOCODE_A11Y_SCRATCH", "."), "finder.log"), "w")
    finder = subprocess.Popen([program], stdout=log, stderr=subprocess.STDOUT)

    def stop_finder(*_):
        if finder.poll() is None:
            finder.terminate()
            try:
                finder.wait(5)
            except subprocess.TimeoutExpired:
                finder.kill()
                finder.wait(5)

    signal.signal(signal.SIGTERM, lambda *_: (stop_finder(), sys.exit(143)))
    try:
        return run(finder)
    finally:
        stop_finder()
        log.close()


def run(finder):
    def application():
        desktop = Atspi.get_desktop(0)
        for index in range(desktop.get_child_count()):
            candidate = desktop.get_child_at_index(index)
            if candidate is not None and candidate.get_process_id() == finder.pid:
                return candidate
        return None

    app = wait_for("radiocode-finder on the accessibility bus", 30, application)
    if not check(app is not None, "radiocode-finder registers on the AT-SPI bus"):
        return 1
    frame = wait_for("the main window", 15, lambda: find(app, Atspi.Role.FRAME, "Nissan"))
    if not check(frame is not None, "the main window is on the bus"):
        return 1
    # The clear buttons, icons and drawings arrive right after the first frame.
    wait_for("the first page", 15, lambda: find(frame, Atspi.Role.PUSH_BUTTON, "Clear"))

    # ---- First page: names.
    unnamed = unnamed_controls(frame)
    check(not unnamed, "first page: every control has a name" +
          "".join("\n        unnamed: " + u for u in unnamed))
    cards = [find(frame, Atspi.Role.PUSH_BUTTON, name)
             for name in ("Blaupunkt", "Renault", "Becker", "Visteon")]
    check(all(cards) and all("drawing" in card.get_description() for card in cards),
          "first page: the four family cards describe their label drawings")

    # ---- First page: Tab order. No window manager: give the window the keyboard by hand.
    windows = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                              str(finder.pid)], capture_output=True, text=True,
                             timeout=15).stdout.split()
    if windows:
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[-1]], timeout=15)
    first = wait_for("the keyboard focus", 10, lambda: focused(frame))
    if check(first is not None, "first page: a control has the keyboard focus"):
        stops = [(first.get_name(), first.get_extents(Atspi.CoordType.SCREEN))]
        for _ in range(40):
            before = stops[-1][0]
            Atspi.generate_keyboard_event(0xFF09, None, Atspi.KeySynthType.SYM)  # Tab
            now = wait_for("the focus to move", 5,
                           lambda: (lambda f: f if f is not None and
                                    f.get_name() != before else None)(focused(frame)))
            if now is None or now.get_name() == stops[0][0]:
                break
            stops.append((now.get_name(), now.get_extents(Atspi.CoordType.SCREEN)))
        # One round of Tab from wherever the focus was: read it from the top left, like the page.
        start = min(range(len(stops)), key=lambda i: (stops[i][1].y, stops[i][1].x))
        stops = stops[start:] + stops[:start]
        print("        Tab order: " + " > ".join(name for name, _ in stops))
        check(len(stops) >= 5, f"first page: Tab visits the controls ({len(stops)} stops)")
        check(all(name.strip() for name, _ in stops), "first page: every Tab stop has a name")
        problems = focus_order_problems(stops)
        check(not problems, "first page: Tab follows the visual order" +
              "".join("\n        " + p for p in problems))

    # ---- Type a serial through EditableText: the field announces its new state.
    announced = []

    def heard(event):
        try:
            announced.append((event.source.get_name(), event.source.get_description()))
        except GLib.GError:
            pass

    listener = Atspi.EventListener.new(heard)
    listener.register("object:property-change:accessible-description")
    field = find(frame, Atspi.Role.TEXT, "Serial, any radio family")
    if not check(field is not None and field.get_editable_text_iface() is not None,
                 "first page: the serial field is editable over AT-SPI"):
        return 1
    field.set_text_contents(SERIAL)
    said = wait_for("the field to announce its state", 10, lambda: [
        d for n, d in announced if n == "Serial, any radio family" and d.startswith("Valid")])
    check(bool(said), "first page: typing a whole serial announces 'Valid' on the field" +
          (f" ({said[0]})" if said else f" (heard {announced})"))
    listener.deregister("object:property-change:accessible-description")

    go_on = wait_for("Continue with Visteon", 10,
                     lambda: find(frame, Atspi.Role.PUSH_BUTTON, "Continue with Visteon"))
    if not check(go_on is not None, "first page: the Continue button names the family"):
        return 1
    actions = [go_on.get_action_name(i) for i in range(go_on.get_n_actions())]
    check(bool(actions), f"Continue offers actions over AT-SPI ({', '.join(actions)})")
    go_on.do_action(0)

    # ---- Result page.
    code = wait_for("the code on the result page", 15,
                    lambda: find(frame, Atspi.Role.LABEL, SPOKEN_CODE))
    if not check(code is not None, f"result page: the code is read as '{SPOKEN_CODE}'"):
        print("        the window reads: " + " | ".join(names_in_order(frame)))
        return 1
    unnamed = unnamed_controls(frame)
    check(not unnamed, "result page: every control has a name" +
          "".join("\n        unnamed: " + u for u in unnamed))
    texts = names_in_order(frame)
    spoken = texts.index(SPOKEN_CODE)
    digits = [index_of(texts, f"Digit {n}: {d}", spoken) for n, d in enumerate("3633", 1)]
    steps = index_of(texts, "Steps to enter the code")
    first_step = index_of(texts, "Station button 1", max(steps, 0))
    confirm = index_of(texts, "Press OK or ENTER")
    cautions = index_of(texts, "Cautions")
    first_caution = index_of(texts, "Each wrong code costs an attempt")
    trouble = index_of(texts, "If the radio refuses the code")
    print("        the result page reads: " + " | ".join(t[:60] for t in texts))
    check(all(spoken < d for d in digits), "result page: the four code boxes follow the code")
    check(spoken < steps < first_step < confirm,
          "result page: then the steps, button by button, and the confirm step")
    check(confirm < cautions < first_caution < trouble,
          "result page: then the cautions, before the troubleshooting")
    table = find(frame, Atspi.Role.TABLE, "Steps to enter the code")
    check(table is not None and
          "Press station button 1 until 3 shows on the display" in table.get_description(),
          "result page: the steps table says the steps in words")
    return 1 if failures else 0


if __name__ == "__main__":
    status = main()
    print(f"{len(failures)} check(s) failed" if failures else "all checks passed", flush=True)
    sys.exit(status)
