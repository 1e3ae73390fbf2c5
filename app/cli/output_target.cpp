#include "cli/output_target.h"

#include "cli/commands.h"

#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace radiocode::cli {
namespace {

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

#ifndef _WIN32
// The folder part of a path, as bytes ("." for a bare name).
QByteArray folderOf(const QByteArray& path) {
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    if (slash == 0)
        return QByteArrayLiteral("/");
    return path.left(slash);
}
#endif

} // namespace

QByteArray fileNameArgument(const QString& argument) {
    return rawArgument(argument);
}

bool openForReading(QFile& file, const QByteArray& name, QString* error) {
    const QString shown = QFile::decodeName(name);
#ifdef _WIN32
    file.setFileName(shown);
    if (QFileInfo(shown).isDir()) {
        *error = Cli::tr("%1 is a folder, not a file.").arg(shown);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Cli::tr("Cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
#else
    const int descriptor = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        *error = Cli::tr("Cannot read %1: %2").arg(shown, systemError(errno));
        return false;
    }
    struct stat info {};
    if (::fstat(descriptor, &info) == 0 && S_ISDIR(info.st_mode)) {
        ::close(descriptor);
        *error = Cli::tr("%1 is a folder, not a file.").arg(shown);
        return false;
    }
    if (!file.open(descriptor, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        *error = Cli::tr("Cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
#endif
}

QString OutputTarget::displayName() const {
    if (kind_ == Kind::StandardOutput)
        return Cli::tr("the standard output");
    return QFile::decodeName(name_);
}

std::unique_ptr<OutputTarget> OutputTarget::open(const QByteArray& name, bool force,
                                                 QString* error) {
    std::unique_ptr<OutputTarget> target(new OutputTarget);
    target->name_ = name;
    const QString shown = QFile::decodeName(name);
    auto refuse = [&](const QString& message) -> std::unique_ptr<OutputTarget> {
        if (error)
            *error = message;
        return nullptr;
    };
    if (name.isEmpty() || name == "-") {
        target->kind_ = Kind::StandardOutput;
        std::fflush(stdout);
        if (!target->file_.open(stdout, QIODevice::WriteOnly))
            return refuse(Cli::tr("Cannot write to the standard output: %1")
                              .arg(target->file_.errorString()));
        return target;
    }
#ifdef _WIN32
    if (QFile::exists(shown) && !force)
        return refuse(Cli::tr("%1 already exists: add --force to overwrite it.").arg(shown));
    target->kind_ = Kind::Stream;
    target->file_.setFileName(shown);
    if (!target->file_.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return refuse(Cli::tr("Cannot write %1: %2").arg(shown, target->file_.errorString()));
    return target;
#else
    struct stat info {};
    const bool exists = ::stat(name.constData(), &info) == 0;
    if (!exists && errno != ENOENT)
        return refuse(Cli::tr("Cannot write %1: %2").arg(shown, systemError(errno)));
    if (exists && (S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode))) {
        // A pipe, a terminal or a device: written in place, never replaced by a file.
        const int descriptor = ::open(name.constData(), O_WRONLY | O_CLOEXEC);
        if (descriptor < 0)
            return refuse(Cli::tr("Cannot write %1: %2").arg(shown, systemError(errno)));
        target->kind_ = Kind::Stream;
        if (!target->file_.open(descriptor, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            ::close(descriptor);
            return refuse(Cli::tr("Cannot write %1: %2").arg(shown, target->file_.errorString()));
        }
        return target;
    }
    if (exists && S_ISDIR(info.st_mode))
        return refuse(Cli::tr("%1 is a folder: give the name of a file to write.").arg(shown));
    if (exists && !S_ISREG(info.st_mode))
        return refuse(Cli::tr("%1 is not a regular file (a socket or a block device): it was not "
                              "touched. Give the name of a file to write.")
                          .arg(shown));
    if (exists && !force)
        return refuse(Cli::tr("%1 already exists: add --force to overwrite it.").arg(shown));
    // A symbolic link to a file: the file it points to is replaced, the link stays.
    QByteArray resolved = name;
    if (exists) {
        if (char* real = ::realpath(name.constData(), nullptr)) {
            resolved = QByteArray(real);
            std::free(real);
        }
    }
    target->kind_ = Kind::ReplacedFile;
    target->target_ = resolved;
    QByteArray temporary = folderOf(resolved) + "/.radiocode-XXXXXX";
    const int descriptor = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (descriptor < 0)
        return refuse(Cli::tr("Cannot write %1: %2").arg(shown, systemError(errno)));
    // The replacement keeps the permissions of the file it replaces; a new file gets the usual
    // ones (0666 less the umask), as the shell would give it.
    mode_t mode = 0;
    if (exists) {
        mode = info.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(descriptor, mode);
    target->tempName_ = temporary;
    if (!target->file_.open(descriptor, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        ::unlink(temporary.constData());
        target->tempName_.clear();
        return refuse(Cli::tr("Cannot write %1: %2").arg(shown, target->file_.errorString()));
    }
    return target;
#endif
}

bool OutputTarget::finish(QString* error) {
    auto failWith = [&](const QString& reason) {
        if (error)
            *error = Cli::tr("Cannot write %1: %2").arg(displayName(), reason);
#ifndef _WIN32
        if (!tempName_.isEmpty()) {
            file_.close();
            ::unlink(tempName_.constData());
            tempName_.clear();
        }
#endif
        return false;
    };
    if (!file_.flush() || file_.error() != QFileDevice::NoError)
        return failWith(file_.errorString());
#ifndef _WIN32
    if (kind_ == Kind::ReplacedFile) {
        if (::fsync(file_.handle()) != 0)
            return failWith(systemError(errno));
        file_.close();
        if (::rename(tempName_.constData(), target_.constData()) != 0)
            return failWith(systemError(errno));
        tempName_.clear();
        return true;
    }
#endif
    if (kind_ != Kind::StandardOutput)
        file_.close();
    return true;
}

OutputTarget::~OutputTarget() {
#ifndef _WIN32
    // Not finished (an error on the way): the half-written copy goes, the target stays as it was.
    if (!tempName_.isEmpty()) {
        file_.close();
        ::unlink(tempName_.constData());
    }
#endif
}

} // namespace radiocode::cli
