#include "sheet/cups_printing.h"
#include "sheet/printing_plugin.h"

#include <cups/cups.h>

#include <memory>
#include <vector>

namespace radiocode {
namespace {

struct DestDeleter {
    void operator()(cups_dest_t* dest) const { cupsFreeDests(1, dest); }
};
using DestPointer = std::unique_ptr<cups_dest_t, DestDeleter>;

QString lastCupsError() {
    return QString::fromUtf8(cupsLastErrorString());
}

bool serverUnreachable() {
    if (cupsLastError() == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE)
        return true;
    // cupsGetNamedDest answers "no such printer" also when there is no server to ask.
    http_t* http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                                5000, nullptr);
    if (!http)
        return true;
    httpClose(http);
    return false;
}

QString unreachableMessage() {
    return CupsPrinting::tr("The print system (CUPS) cannot be reached at %1. Check that the "
                            "CUPS service is running.")
        .arg(QString::fromUtf8(cupsServer()));
}

QString option(const cups_dest_t* dest, const char* name) {
    return QString::fromUtf8(cupsGetOption(name, dest->num_options, dest->options));
}

// The text an administrator gave with `cupsreject -r` or `cupsdisable -r`: not among the
// attributes cupsGetNamedDest fetches.
QString stateMessage(const QString& printer) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0,
                     "/printers/%s", printer.toUtf8().constData());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr,
                 "printer-state-message");
    ipp_t* response = cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/");
    QString message;
    if (response) {
        if (ipp_attribute_t* attribute =
                ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT))
            message = QString::fromUtf8(ippGetString(attribute, 0, nullptr)).trimmed();
        ippDelete(response);
    }
    return message;
}

QString withReason(const QString& sentence, const QString& reason) {
    return reason.isEmpty() ? sentence : CupsPrinting::tr("%1 (\"%2\")").arg(sentence, reason);
}

QString printerList() {
    const QStringList names = CupsPrinting::printerNames();
    return names.isEmpty() ? QString() : names.join(QLatin1String(", "));
}

} // namespace

QStringList CupsPrinting::printerNames() {
    cups_dest_t* dests = nullptr;
    const int count = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
    QStringList names;
    for (int i = 0; i < count; ++i)
        if (!dests[i].instance)
            names << QString::fromUtf8(dests[i].name);
    cupsFreeDests(count, dests);
    return names;
}

QString CupsPrinting::defaultPrinter() {
    DestPointer dest(cupsGetNamedDest(CUPS_HTTP_DEFAULT, nullptr, nullptr));
    return dest ? QString::fromUtf8(dest->name) : QString();
}

PrintOutcome CupsPrinting::print(const QByteArray& pdf, const PrintRequest& request) {
    PrintOutcome outcome;
    outcome.printer = request.printer;
    const QByteArray wanted = request.printer.toUtf8();
    DestPointer dest(cupsGetNamedDest(
        CUPS_HTTP_DEFAULT, request.printer.isEmpty() ? nullptr : wanted.constData(), nullptr));
    if (!dest) {
        if (serverUnreachable()) {
            outcome.error = unreachableMessage();
            return outcome;
        }
        const QString printers = printerList();
        if (!request.printer.isEmpty())
            outcome.error = printers.isEmpty()
                                ? tr("There is no printer named \"%1\": no printer is set up "
                                     "on this computer.")
                                      .arg(request.printer)
                                : tr("There is no printer named \"%1\". Printers: %2.")
                                      .arg(request.printer, printers);
        else
            outcome.error =
                printers.isEmpty()
                    ? tr("No printer is set up on this computer. Add one in the system's "
                         "printer settings (or with lpadmin), then print again.")
                    : tr("No default printer is set. Printers: %1. Choose one, or make one the "
                         "default with \"lpoptions -d NAME\".")
                          .arg(printers);
        return outcome;
    }
    outcome.printer = QString::fromUtf8(dest->name);

    // A stopped printer would take the job and keep it waiting: say so now instead.
    if (option(dest.get(), "printer-state").toInt() == IPP_PSTATE_STOPPED) {
        outcome.error =
            withReason(tr("The printer %1 is stopped: a job would wait in its queue. Start it "
                          "(cupsenable %1) or choose another printer.")
                           .arg(outcome.printer),
                       stateMessage(outcome.printer));
        return outcome;
    }
    if (option(dest.get(), "printer-is-accepting-jobs") == QLatin1String("false")) {
        outcome.error = withReason(tr("The printer %1 does not accept jobs. Let it accept them "
                                      "(cupsaccept %1) or choose another printer.")
                                       .arg(outcome.printer),
                                   stateMessage(outcome.printer));
        return outcome;
    }

    // Options as owned bytes: cupsAddOption copies them.
    int optionCount = 0;
    cups_option_t* options = nullptr;
    const auto add = [&](const QByteArray& name, const QByteArray& value) {
        optionCount = cupsAddOption(name.constData(), value.constData(), optionCount, &options);
    };
    for (const auto& [name, value] : request.extraOptions)
        add(name, value);
    if (!request.media.isEmpty())
        add("media", request.media.toUtf8());
    if (!request.sides.isEmpty())
        add("sides", request.sides.toUtf8());
    if (request.copies > 1) {
        add("copies", QByteArray::number(request.copies));
        add("multiple-document-handling", request.collate ? "separate-documents-collated-copies"
                                                          : "separate-documents-uncollated-copies");
    }

    const QByteArray name = dest->name;
    const QByteArray title = request.title.toUtf8();
    const int job =
        cupsCreateJob(CUPS_HTTP_DEFAULT, name.constData(), title.constData(), optionCount, options);
    cupsFreeOptions(optionCount, options);
    if (job <= 0) {
        outcome.error =
            serverUnreachable()
                ? unreachableMessage()
                : tr("The printer %1 refused the job: %2").arg(outcome.printer, lastCupsError());
        return outcome;
    }
    bool sent = cupsStartDocument(CUPS_HTTP_DEFAULT, name.constData(), job, title.constData(),
                                  CUPS_FORMAT_PDF, 1) == HTTP_STATUS_CONTINUE;
    sent = sent && cupsWriteRequestData(CUPS_HTTP_DEFAULT, pdf.constData(),
                                        std::size_t(pdf.size())) == HTTP_STATUS_CONTINUE;
    const ipp_status_t finished = cupsFinishDocument(CUPS_HTTP_DEFAULT, name.constData());
    if (!sent || finished > IPP_STATUS_OK_CONFLICTING) {
        outcome.error = tr("The document could not be sent to the printer %1: %2")
                            .arg(outcome.printer, lastCupsError());
        cupsCancelJob2(CUPS_HTTP_DEFAULT, name.constData(), job, 0);
        return outcome;
    }
    outcome.printed = true;
    outcome.jobId = job;
    return outcome;
}

namespace {

const PrintingPlugin plugin{printingPluginVersion, &CupsPrinting::print,
                            &CupsPrinting::printerNames, &CupsPrinting::defaultPrinter};

} // namespace
} // namespace radiocode

extern "C" Q_DECL_EXPORT const radiocode::PrintingPlugin* radiocode_printing_plugin() {
    return &radiocode::plugin;
}
