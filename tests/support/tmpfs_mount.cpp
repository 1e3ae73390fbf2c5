#include "tmpfs_mount.h"

#include "process_run.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <utility>

namespace radiocode::test {

namespace {

bool succeeds(const QString& program, const QStringList& arguments) {
    const Run result = runProcess(program, arguments, RunOptions().timeoutMs(30000));
    return !result.crashed && result.exitCode == 0;
}

} // namespace

TmpfsMount::TmpfsMount(QString mountPoint) : mountPoint_(std::move(mountPoint)) {}

TmpfsMount::~TmpfsMount() {
    unmount();
}

bool TmpfsMount::mount(const QString& size) {
    return QDir().mkpath(mountPoint_) &&
           succeeds(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                              QStringLiteral("-o"), QStringLiteral("size=") + size,
                                              QStringLiteral("radiocode-test"), mountPoint_});
}

bool TmpfsMount::remount(const QString& options) {
    return succeeds(QStringLiteral("mount"),
                    {QStringLiteral("-o"), QStringLiteral("remount,") + options, mountPoint_});
}

void TmpfsMount::unmount() {
    if (succeeds(QStringLiteral("mountpoint"), {QStringLiteral("-q"), mountPoint_}))
        succeeds(QStringLiteral("umount"), {mountPoint_});
}

bool TmpfsMount::fill() {
    QFile filler(filePath(QStringLiteral("filler")));
    // Unbuffered, so each write reaches the file system and the one that does not fit fails.
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return false;
    // Page-sized blocks: tmpfs hands out pages, so the last write takes the last free one.
    const QByteArray block(4096, '\0');
    while (filler.write(block) == block.size()) {
    }
    return filler.error() != QFileDevice::NoError;
}

bool TmpfsMount::removeFiller() {
    return QFile::remove(filePath(QStringLiteral("filler")));
}

QString TmpfsMount::filePath(const QString& name) const {
    return mountPoint_ + QLatin1Char('/') + name;
}

} // namespace radiocode::test
