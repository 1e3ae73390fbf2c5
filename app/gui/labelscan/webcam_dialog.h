// "Use the webcam": a live preview of the camera, frames read beside it in a worker thread
// (the preview never waits for them: a frame that arrives while one is being read is only
// shown), until the same serial has been read in a few frames in a row.
#pragma once

#include "gui/labelscan/frame_source.h"
#include "gui/retranslating.h"
#include "labelscan/label_scanner.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QThread;

namespace radiocode::gui {

class WebcamDialog : public Retranslating<QDialog> {
    Q_OBJECT

public:
    // Takes the frame source (the camera, or a test's frames).
    explicit WebcamDialog(std::unique_ptr<FrameSource> source, QWidget* parent = nullptr);
    ~WebcamDialog() override;

    void start();
    const labelscan::Reading* steadyReading() const { return steady_ ? &*steady_ : nullptr; }
    int framesShown() const { return framesShown_; }
    int framesRead() const { return framesRead_; }

    QLabel* preview() const { return preview_; }
    QLabel* stateLabel() const { return state_; }
    QPushButton* useButton() const { return use_; }
    QPushButton* retryButton() const { return retry_; }
    // "Keep this picture with the job": the frame the steady reading came from.
    QCheckBox* keepPictureBox() const { return keepPicture_; }
    bool keepPicture() const;
    const QImage& steadyFrame() const { return steadyFrame_; }

public slots:
    void reject() override;

signals:
    void steadyFound();
    void frameRead();

private:
    void retranslate() override;
    void showFrame(const QImage& frame);
    void frameDone(const labelscan::ScanReport& report, const QImage& frame);
    void sourceFailed(FrameSource::Failure failure);
    void showState();

    std::unique_ptr<FrameSource> source_;
    QThread* thread_;
    QObject* reader_; // lives in thread_
    bool busy_ = false;
    bool failed_ = false;
    std::optional<FrameSource::Failure> failure_;
    int framesShown_ = 0;
    int framesRead_ = 0;
    labelscan::SteadyReading steadiness_;
    std::optional<labelscan::Reading> steady_;
    QImage steadyFrame_;

    QLabel* preview_;
    QLabel* state_;
    QLabel* confirmNote_;
    QCheckBox* keepPicture_;
    QPushButton* retry_;
    QPushButton* use_;
    QPushButton* close_;
};

} // namespace radiocode::gui
