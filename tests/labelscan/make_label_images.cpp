// Writes the generated label pictures into a folder (PNG, JPEG for the photo-like ones), to look
// at what the label-reading tests read:  make_label_images DIR [PER_CASE] [WITHOUT_SERIAL] [SEED]
#include "label_images.h"

#include <QDir>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_label_images DIR [PER_CASE] [WITHOUT_SERIAL] [SEED]\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(dir.path());
    const int perCase = argc > 2 ? QByteArray(argv[2]).toInt() : 1;
    const int withoutSerial = argc > 3 ? QByteArray(argv[3]).toInt() : 8;
    const quint32 seed = argc > 4 ? QByteArray(argv[4]).toUInt() : 1;
    for (const auto& sample : radiocode::labelimages::sampleSet(perCase, withoutSerial, seed)) {
        const bool photo = sample.degradation == radiocode::labelimages::Degradation::PhonePhoto ||
                           sample.degradation == radiocode::labelimages::Degradation::WebcamFrame;
        const QString path =
            dir.filePath(sample.name + (photo ? QStringLiteral(".jpg") : QStringLiteral(".png")));
        if (!sample.image.save(path, nullptr, photo ? 90 : -1)) {
            std::fprintf(stderr, "make_label_images: cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("%s\t%s\n", qPrintable(path), qPrintable(sample.label.serial));
    }
    return 0;
}
