// Placeholder until the wizard lands (GUI issue).
#include "i18n.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    radiocode::installTranslations();
    QLabel label(QStringLiteral("Nissan Radio Code Finder"));
    label.show();
    return QApplication::exec();
}
