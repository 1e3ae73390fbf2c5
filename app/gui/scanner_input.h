// Tells a barcode scanner from a person at the keyboard, anywhere in the program. A USB scanner
// is a keyboard that types a whole serial within a few milliseconds and presses Enter; a person
// leaves far more than maxKeyGapMs between keys. Installed on the application, the filter sees
// every key before the focused widget does, so a scan on a card, a button or a form field never
// presses anything there: its keys and its Enter go to the handler instead.
//
// Timing comes from the key events' own timestamps (set by the window system when the key was
// pressed, so a busy program does not blur it). Events without one (timestamp 0: made by code,
// not by a device) are typed as usual.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;
class QTimer;
class QWidget;

namespace radiocode::gui {

class ScannerInput : public QObject {
    Q_OBJECT

public:
    // Longer than this between two keys, it is a person typing.
    static constexpr int maxKeyGapMs = 30;
    // A scan has at least this many characters before its Enter.
    static constexpr int minScanLength = 4;

    // Whether a burst of `text` that landed on `focus` is a scan for the program; false: its
    // keys are typed as usual (no serial, into a field that takes text: a VIN scanned into the
    // VIN field).
    using Accepts = std::function<bool(const QString& text, QWidget* focus)>;
    // What a scan does, once its keys are taken back from the widgets they reached.
    using Take = std::function<void(const QString& text)>;

    ScannerInput(Accepts accepts, Take take, QObject* parent = nullptr);
    ~ScannerInput() override;

    // Whether `widget` takes typed text (its keys pass through at once, and are taken back when
    // they turn out to be a scan); other widgets get their keys a moment later, once it is clear
    // that no scan is coming.
    static bool takesText(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Held {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };
    struct Snapshot {
        QPointer<QWidget> widget;
        QString text;
        int cursor = 0;
    };

    bool keyPress(QObject* receiver, QKeyEvent* key);
    bool keyRelease(QObject* receiver, QKeyEvent* key);
    void snapshot(QWidget* widget);
    void restoreSnapshots();
    void replayHeld();
    void endBurst();

    Accepts accepts_;
    Take take_;
    QTimer* releaseHeld_;
    QString burst_;
    quint64 lastKeyTime_ = 0;
    std::vector<Held> held_;
    std::vector<int> heldKeys_; // keys whose press is held: their release waits too
    std::vector<Snapshot> snapshots_;
    bool replaying_ = false;
    bool swallowEnterRelease_ = false;
};

} // namespace radiocode::gui
