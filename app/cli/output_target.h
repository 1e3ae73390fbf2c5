// Where a command writes a file it was given: never destroys what is not a file of ours.
//
// - a regular file (or a name that does not exist yet) is written beside the target and renamed
//   over it at the end, so a failed write leaves the old file whole; an existing file is
//   replaced only with --force;
// - "-" (or no name), a FIFO, a character device or a pipe is written to as a stream, in place;
// - anything else (a folder, a socket, a block device) is refused.
// Names are taken as the bytes given on the command line, whether or not they are UTF-8.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace radiocode::cli {

class OutputTarget {
public:
    enum class Kind { StandardOutput, Stream, ReplacedFile };

    // Opens the target; on failure returns nullptr and `error` says why (a sentence).
    static std::unique_ptr<OutputTarget> open(const QByteArray& name, bool force, QString* error);
    ~OutputTarget();
    OutputTarget(const OutputTarget&) = delete;
    OutputTarget& operator=(const OutputTarget&) = delete;

    QIODevice& device() { return file_; }
    Kind kind() const { return kind_; }
    // The name for messages (not-UTF-8 bytes shown as U+FFFD).
    QString displayName() const;
    // Flushes and, for a replaced file, puts it in place. False with `error` when anything did
    // not reach the file; the target is then left as it was.
    bool finish(QString* error);

private:
    OutputTarget() = default;

    Kind kind_ = Kind::StandardOutput;
    QByteArray name_;     // as given
    QByteArray target_;   // ReplacedFile: the file that is replaced (symbolic links followed)
    QByteArray tempName_; // ReplacedFile: where it is written first
    QFile file_;
};

// The name a command-line argument names, as bytes (see rawArgument()).
QByteArray fileNameArgument(const QString& argument);

// Opens the file `name` (bytes as given) for reading: a regular file, a FIFO, a pipe
// (/dev/fd/N of a process substitution) or a device. A folder is refused. On failure `error`
// holds a whole sentence.
bool openForReading(QFile& file, const QByteArray& name, QString* error);

} // namespace radiocode::cli
