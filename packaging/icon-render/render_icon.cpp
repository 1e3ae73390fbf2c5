// Renders the program icon (SVG) at build time:
//   radiocode-render-icon INPUT.svg SIZE OUTPUT.png [SIZE OUTPUT.png ...]
//       PNGs for the hicolor icon theme (Linux);
//   radiocode-render-icon INPUT.svg --ico OUTPUT.ico SIZE [SIZE ...]
//       one Windows icon file holding every size (PNG-compressed entries, Windows Vista and later).
// Our own small tool because rsvg-convert and inkscape are not on a default Debian system,
// while QtSvg is already a build dependency.
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <optional>
#include <vector>

namespace {

std::optional<int> parseSize(const QString& text, int largest) {
    bool isNumber = false;
    const int size = text.toInt(&isNumber);
    if (!isNumber || size < 1 || size > largest) {
        std::fprintf(stderr,
                     "radiocode-render-icon: the size \"%s\" is not a number between 1 and %d\n",
                     qPrintable(text), largest);
        return std::nullopt;
    }
    return size;
}

QImage render(QSvgRenderer& renderer, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    return image;
}

bool writeFile(const QString& path, const QByteArray& data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path); // all or nothing: a failed build leaves no half-written icon
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    std::fprintf(stderr, "radiocode-render-icon: cannot write %s\n", qPrintable(path));
    return false;
}

QByteArray png(const QImage& image) {
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

// ICO container: a 6-byte header, one 16-byte entry per image, then the images (here PNGs).
QByteArray icoFile(const std::vector<std::pair<int, QByteArray>>& pngsBySize) {
    QByteArray data;
    auto put16 = [&data](quint16 value) {
        const quint16 little = qToLittleEndian(value);
        data.append(reinterpret_cast<const char*>(&little), sizeof little);
    };
    auto put32 = [&data](quint32 value) {
        const quint32 little = qToLittleEndian(value);
        data.append(reinterpret_cast<const char*>(&little), sizeof little);
    };
    put16(0); // reserved
    put16(1); // type: icon
    put16(quint16(pngsBySize.size()));
    quint32 offset = quint32(6 + 16 * pngsBySize.size());
    for (const auto& [size, image] : pngsBySize) {
        data.append(char(size >= 256 ? 0 : size)); // width, 0 stands for 256
        data.append(char(size >= 256 ? 0 : size)); // height
        data.append(char(0));                      // no palette
        data.append(char(0));                      // reserved
        put16(1);                                  // colour planes
        put16(32);                                 // bits per pixel
        put32(quint32(image.size()));
        put32(offset);
        offset += quint32(image.size());
    }
    for (const auto& entry : pngsBySize)
        data.append(entry.second);
    return data;
}

int usage() {
    std::fprintf(stderr,
                 "usage: radiocode-render-icon INPUT.svg SIZE OUTPUT.png [SIZE OUTPUT.png ...]\n"
                 "       radiocode-render-icon INPUT.svg --ico OUTPUT.ico SIZE [SIZE ...]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    // No display is needed (or available) while building.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    if (arguments.size() < 4)
        return usage();
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "radiocode-render-icon: cannot read the SVG file %s\n",
                     qPrintable(arguments.at(1)));
        return 1;
    }

    if (arguments.at(2) == QLatin1String("--ico")) {
        if (arguments.size() < 5)
            return usage();
        std::vector<std::pair<int, QByteArray>> pngsBySize;
        for (qsizetype index = 4; index < arguments.size(); ++index) {
            const auto size = parseSize(arguments.at(index), 256); // the ICO format ends at 256
            if (!size)
                return 2;
            pngsBySize.emplace_back(*size, png(render(renderer, *size)));
        }
        return writeFile(arguments.at(3), icoFile(pngsBySize)) ? 0 : 1;
    }

    if (arguments.size() % 2 != 0)
        return usage();
    for (qsizetype index = 2; index + 1 < arguments.size(); index += 2) {
        const auto size = parseSize(arguments.at(index), 4096);
        if (!size)
            return 2;
        if (!writeFile(arguments.at(index + 1), png(render(renderer, *size))))
            return 1;
    }
    return 0;
}
