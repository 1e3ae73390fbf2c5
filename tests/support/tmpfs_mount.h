// A small tmpfs of the test's own: a real file system that fills up or turns read-only, without
// touching the machine's disks or device nodes. Mounting needs root (in a VM or a privileged
// container); a suite skips what needs it when mount() says no.
#pragma once

#include <QString>

namespace radiocode::test {

class TmpfsMount {
public:
    // `mountPoint`: an empty folder of the test's own (in a QTemporaryDir).
    explicit TmpfsMount(QString mountPoint);
    ~TmpfsMount(); // unmounts
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    // Mounts a tmpfs of `size` ("2m") there; false when this process may not mount.
    bool mount(const QString& size);
    // Changes the mount's options ("size=64m", "ro", "rw").
    bool remount(const QString& options);
    void unmount();

    // Takes every free block with a file "filler", so the next write of any file fails with
    // ENOSPC; false when the file system did not fill up.
    bool fill();
    // Gives the blocks back.
    bool removeFiller();

    QString path() const { return mountPoint_; }
    QString filePath(const QString& name) const;

private:
    QString mountPoint_;
};

} // namespace radiocode::test
