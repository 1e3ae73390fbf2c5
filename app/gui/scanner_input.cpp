#include "gui/scanner_input.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace radiocode::gui {
namespace {

bool isEnter(const QKeyEvent* key) {
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
           (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool isModifierOnly(const QKeyEvent* key) {
    switch (key->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
        return true;
    default:
        return false;
    }
}

// A character a scanner sends for a barcode: visible text, at most with Shift.
bool isPrintable(const QKeyEvent* key) {
    if (key->text().isEmpty() || key->isAutoRepeat())
        return false;
    if ((key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) != Qt::NoModifier)
        return false;
    const QString text = key->text();
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isPrint(); });
}

// The widget Qt hands a key to first (as QWidgetWindow does); the filter also sees the event
// again on its way up to the parents, and must count it once.
QObject* firstReceiver() {
    if (QWidget* grabber = QWidget::keyboardGrabber())
        return grabber;
    if (QWidget* popup = QApplication::activePopupWidget())
        return popup->focusWidget() ? popup->focusWidget() : popup;
    if (QWidget* focus = QApplication::focusWidget())
        return focus;
    return QApplication::activeWindow();
}

} // namespace

ScannerInput::ScannerInput(Accepts accepts, Take take, QObject* parent)
    : QObject(parent), accepts_(std::move(accepts)), take_(std::move(take)),
      releaseHeld_(new QTimer(this)) {
    releaseHeld_->setSingleShot(true);
    // A little longer than the gap: the next key of a scan is surely in by then.
    releaseHeld_->setInterval(maxKeyGapMs + 15);
    connect(releaseHeld_, &QTimer::timeout, this, &ScannerInput::replayHeld);
}

ScannerInput::~ScannerInput() = default;

bool ScannerInput::takesText(const QWidget* widget) {
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
        return !edit->isReadOnly();
    if (const auto* edit = qobject_cast<const QPlainTextEdit*>(widget))
        return !edit->isReadOnly();
    if (const auto* edit = qobject_cast<const QTextEdit*>(widget))
        return !edit->isReadOnly();
    return false;
}

bool ScannerInput::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type != QEvent::KeyPress && type != QEvent::KeyRelease) || replaying_ ||
        !watched->isWidgetType() || watched != firstReceiver())
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->timestamp() == 0)
        return QObject::eventFilter(watched, event);
    return type == QEvent::KeyPress ? keyPress(watched, key) : keyRelease(watched, key);
}

bool ScannerInput::keyPress(QObject* receiver, QKeyEvent* key) {
    if (isModifierOnly(key))
        return false; // Shift comes and goes between a scan's capitals
    const bool inTime = !burst_.isEmpty() && key->timestamp() >= lastKeyTime_ &&
                        key->timestamp() - lastKeyTime_ <= quint64(maxKeyGapMs);
    if (isPrintable(key)) {
        if (!inTime)
            endBurst();
        burst_ += key->text();
        lastKeyTime_ = key->timestamp();
        auto* widget = static_cast<QWidget*>(receiver);
        if (takesText(widget) && held_.empty()) {
            // Typed at once, as always; taken back if this turns out to be a scan.
            snapshot(widget);
            return false;
        }
        held_.push_back({receiver, std::unique_ptr<QKeyEvent>(key->clone())});
        heldKeys_.push_back(key->key());
        releaseHeld_->start();
        return true;
    }
    if (isEnter(key) && inTime && burst_.size() >= minScanLength &&
        accepts_(burst_, static_cast<QWidget*>(receiver))) {
        const QString text = burst_;
        // The burst's keys are taken back: nothing of it stays half-typed in a field, and no
        // button of the page sees its Enter.
        restoreSnapshots();
        releaseHeld_->stop();
        held_.clear();
        heldKeys_.clear();
        burst_.clear();
        swallowEnterRelease_ = true;
        take_(text);
        return true;
    }
    endBurst();
    return false;
}

bool ScannerInput::keyRelease(QObject* receiver, QKeyEvent* key) {
    if (isEnter(key) && swallowEnterRelease_) {
        swallowEnterRelease_ = false;
        return true;
    }
    const auto pressed = std::find(heldKeys_.begin(), heldKeys_.end(), key->key());
    if (pressed == heldKeys_.end())
        return false;
    heldKeys_.erase(pressed);
    held_.push_back({receiver, std::unique_ptr<QKeyEvent>(key->clone())});
    return true;
}

void ScannerInput::snapshot(QWidget* widget) {
    for (const Snapshot& existing : snapshots_)
        if (existing.widget == widget)
            return;
    Snapshot snapshot{widget, {}, 0};
    if (auto* line = qobject_cast<QLineEdit*>(widget)) {
        snapshot.text = line->text();
        snapshot.cursor = line->cursorPosition();
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        snapshot.text = plain->toPlainText();
        snapshot.cursor = plain->textCursor().position();
    } else if (auto* rich = qobject_cast<QTextEdit*>(widget)) {
        snapshot.text = rich->toPlainText();
        snapshot.cursor = rich->textCursor().position();
    }
    snapshots_.push_back(snapshot);
}

void ScannerInput::restoreSnapshots() {
    for (const Snapshot& snapshot : snapshots_) {
        if (!snapshot.widget)
            continue;
        if (auto* line = qobject_cast<QLineEdit*>(snapshot.widget)) {
            line->setText(snapshot.text);
            line->setCursorPosition(snapshot.cursor);
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(snapshot.widget)) {
            plain->setPlainText(snapshot.text);
            QTextCursor cursor = plain->textCursor();
            cursor.setPosition(std::min<int>(snapshot.cursor, int(snapshot.text.size())));
            plain->setTextCursor(cursor);
        } else if (auto* rich = qobject_cast<QTextEdit*>(snapshot.widget)) {
            rich->setPlainText(snapshot.text);
        }
    }
    snapshots_.clear();
}

void ScannerInput::replayHeld() {
    releaseHeld_->stop();
    std::vector<Held> held = std::move(held_);
    held_.clear();
    heldKeys_.clear();
    replaying_ = true;
    for (Held& item : held)
        if (item.receiver)
            QCoreApplication::sendEvent(item.receiver, item.event.get());
    replaying_ = false;
}

void ScannerInput::endBurst() {
    replayHeld();
    snapshots_.clear();
    burst_.clear();
}

} // namespace radiocode::gui
