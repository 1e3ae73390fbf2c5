#include "gui/labelscan/keep_picture_box.h"

#include <QCheckBox>
#include <QSettings>

namespace radiocode::gui {
namespace {

constexpr const char* keepPictureSetting = "labelscan/keepPictureWithJob";

} // namespace

QCheckBox* makeKeepPictureBox(const QString& objectName, QWidget* parent) {
    auto* box = new QCheckBox(parent);
    box->setObjectName(objectName);
    box->setChecked(QSettings().value(QLatin1String(keepPictureSetting), true).toBool());
    QObject::connect(box, &QCheckBox::toggled, [](bool keep) {
        QSettings().setValue(QLatin1String(keepPictureSetting), keep);
    });
    return box;
}

} // namespace radiocode::gui
