// "Keep this picture with the job": the check box the photo and the webcam dialogs share.
#pragma once

class QCheckBox;
class QString;
class QWidget;

namespace radiocode::gui {

// On unless the technician turned it off; the choice is remembered for the photo and the webcam
// alike. The dialog sets the texts (they are translated in its own context).
QCheckBox* makeKeepPictureBox(const QString& objectName, QWidget* parent);

} // namespace radiocode::gui
