// The code card: brand, serial, code, date and workshop on 85 × 54 mm (to keep in the owner's
// handbook or the glovebox) or on a 62 mm wide continuous label. Drawn by InstructionSheet.
#pragma once

#include "sheet/instruction_sheet.h"

class QPagedPaintDevice;

namespace radiocode {

// The card's page sizes, each the way up its printer feeds it.
QPageLayout codeCardLayout(SheetFormat format);
// Paints one card on the device as its page layout is set.
bool renderCodeCard(QPagedPaintDevice& device, const SheetContent& content);

} // namespace radiocode
