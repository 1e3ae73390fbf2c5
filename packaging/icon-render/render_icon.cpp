// Renders the program icon (SVG) into the PNG sizes of the hicolor icon theme at build time.
// Usage: radiocode-render-icon INPUT.svg SIZE OUTPUT.png [SIZE OUTPUT.png ...]
// Our own small tool because rsvg-convert and inkscape are not on a default Debian system,
// while QtSvg is already a build dependency.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char** argv) {
    // No display is needed (or available) while building.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    if (arguments.size() < 4 || arguments.size() % 2 != 0) {
        std::fprintf(stderr, "usage: radiocode-render-icon INPUT.svg SIZE OUTPUT.png "
                             "[SIZE OUTPUT.png ...]\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "radiocode-render-icon: cannot read the SVG file %s\n",
                     qPrintable(arguments.at(1)));
        return 1;
    }
    for (qsizetype index = 2; index + 1 < arguments.size(); index += 2) {
        bool isNumber = false;
        const int size = arguments.at(index).toInt(&isNumber);
        if (!isNumber || size < 1 || size > 4096) {
            std::fprintf(stderr,
                         "radiocode-render-icon: the size \"%s\" is not a number "
                         "between 1 and 4096\n",
                         qPrintable(arguments.at(index)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString output = arguments.at(index + 1);
        QDir().mkpath(QFileInfo(output).absolutePath());
        if (!image.save(output, "PNG")) {
            std::fprintf(stderr, "radiocode-render-icon: cannot write %s\n", qPrintable(output));
            return 1;
        }
    }
    return 0;
}
