// Joins label reading to the main window: "Read from a photo…" on the first page and the serial
// page, a picture file dropped onto the window, Ctrl+V of a picture. The chosen reading goes
// into the wizard's serial page (family, serial, Becker's two fields), where the technician
// checks it and looks the code up as if typed.
#pragma once

#include <QObject>
#include <QPointer>

class QImage;
class QMimeData;
class QPushButton;

namespace radiocode::labelscan {
struct Reading;
}

namespace radiocode::gui {

class MainWindow;
class PhotoReaderDialog;

class LabelScanIntegration : public QObject {
    Q_OBJECT

public:
    explicit LabelScanIntegration(QObject* parent = nullptr);
    ~LabelScanIntegration() override;
    void attach(MainWindow& window);

    // The ways in, public for tests.
    void choosePhoto(); // a file dialog
    void readFile(const QString& path);
    void readImage(const QImage& image, const QString& name);
    // Takes a reading into the wizard: the serial page with the family and the serial filled in.
    void takeReading(const labelscan::Reading& reading);

    PhotoReaderDialog* dialog() const;
    QPushButton* familyPageButton() const;
    QPushButton* serialPageButton() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    PhotoReaderDialog* ensureDialog();
    bool takeMime(const QMimeData* mime, bool justAsk);
    void retranslate();

    QPointer<MainWindow> window_;
    QPointer<PhotoReaderDialog> dialog_;
    QPointer<QPushButton> familyButton_;
    QPointer<QPushButton> serialButton_;
};

} // namespace radiocode::gui
