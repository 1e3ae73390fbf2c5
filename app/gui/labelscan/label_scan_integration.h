// Joins label reading to the main window: "Read from a photo…" on the first page and the serial
// page, a picture file dropped onto the window, Ctrl+V of a picture. The chosen reading goes
// into the wizard's serial page (family, serial, Becker's two fields), where the technician
// checks it and looks the code up as if typed.
#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QMimeData;
class QPushButton;

namespace radiocode::labelscan {
struct Reading;
}

namespace radiocode::gui {

class FrameSource;
class MainWindow;
class PhotoReaderDialog;
class WebcamDialog;

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
    // `picture` (the photo or webcam frame it was read from, when the technician keeps it) goes
    // with the job from then on; without one, no picture does.
    void takeReading(const labelscan::Reading& reading, const QImage& picture = QImage());

    void useWebcam();
    // Where webcam frames come from (the camera by default; tests feed frames) and whether a
    // camera is there at all. Set before attach().
    void setFrameSources(std::function<std::unique_ptr<FrameSource>()> create,
                         std::function<bool()> available);

    PhotoReaderDialog* dialog() const;
    WebcamDialog* webcamDialog() const;
    QPushButton* familyWebcamButton() const;
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
    QPointer<QPushButton> familyWebcam_;
    QPointer<QPushButton> serialWebcam_;
    QPointer<WebcamDialog> webcam_;
    std::function<std::unique_ptr<FrameSource>()> createFrameSource_;
    std::function<bool()> cameraAvailable_;
    bool cameraKnown_ = false;
    bool cameraFound_ = false;
};

} // namespace radiocode::gui
