#include "label_engines.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>
#include <QtDebug>

namespace radiocode::labelscan {
namespace {

struct Loaded {
    const LabelEngines* engines = nullptr;
    QString problem;
};

const Loaded& loaded() {
    static const Loaded result = [] {
        Loaded loading;
        // Installed: beside the programs' library folder. Built: where the build put it.
        QStringList candidates;
        if (QCoreApplication::instance())
            candidates << QDir(QCoreApplication::applicationDirPath())
                              .filePath(QStringLiteral(RADIOCODE_LABEL_ENGINES_INSTALLED));
        candidates << QStringLiteral(RADIOCODE_LABEL_ENGINES_BUILT);
        QStringList problems;
        for (const QString& path : candidates) {
            if (!QFileInfo::exists(path))
                continue;
            QLibrary library(path);
            using Entry = const LabelEngines* (*)();
            const auto entry = reinterpret_cast<Entry>(library.resolve("radiocode_label_engines"));
            const LabelEngines* engines = entry ? entry() : nullptr;
            if (engines && engines->version == labelEnginesVersion) {
                loading.engines = engines; // stays loaded: QLibrary unloads only when asked
                return loading;
            }
            problems << (entry ? QStringLiteral("%1: another version").arg(path)
                               : library.errorString());
        }
        loading.problem =
            problems.isEmpty()
                ? QStringLiteral("%1 not found").arg(candidates.join(QStringLiteral(", ")))
                : problems.join(QStringLiteral("; "));
        qWarning("radiocode: the label readers (zxing-cpp, Tesseract) could not be loaded: %s",
                 qUtf8Printable(loading.problem));
        return loading;
    }();
    return result;
}

} // namespace

const LabelEngines* labelEngines() {
    return loaded().engines;
}

QString labelEnginesProblem() {
    return loaded().problem;
}

} // namespace radiocode::labelscan
