using System.Text;
using Chatbot.Staff.Editing;
using Microsoft.AspNetCore.Mvc;

namespace Chatbot.Staff.Pages;

/// <summary><c>/staff/import</c>: import an article or a QnA Maker TSV as drafts; export TSV or CSV.</summary>
[RequestSizeLimit(StaffImporter.MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = StaffImporter.MaxUploadBytes + 64 * 1024)]
public sealed class ImportModel(StaffImporter importer) : StaffPageModel
{
    /// <summary>What the upload is.</summary>
    [BindProperty]
    public ImportKind Kind { get; set; }

    /// <summary>The uploaded file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Shows the forms.</summary>
    public void OnGet()
    {
    }

    /// <summary>Imports the uploaded file as drafts.</summary>
    public async Task OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Fail("Choose a file to import.");
            return;
        }

        if (Upload.Length > StaffImporter.MaxUploadBytes)
        {
            Fail("The file is larger than 2 MB; split it, or import it with 'chatbot import-article' / 'chatbot import-qna'.");
            return;
        }

        await using var stream = Upload.OpenReadStream();
        var outcome = await importer.ImportAsync(StaffName, Upload.FileName, stream, Kind, cancellationToken);
        if (outcome.Succeeded)
        {
            Messages.Success = outcome.Message;
        }
        else
        {
            Fail(outcome.Message);
            Messages.Issues = outcome.Issues;
        }
    }

    /// <summary>Downloads the entries as QnA Maker TSV or CSV.</summary>
    public IActionResult OnGetExport(string format, bool drafts) => format switch
    {
        "qna" => File(Encoding.UTF8.GetBytes(importer.ExportQna(drafts)), "text/tab-separated-values; charset=utf-8", "faq-qna.tsv"),
        "csv" => File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(importer.ExportCsv(drafts))).ToArray(), "text/csv; charset=utf-8", "faq.csv"),
        _ => BadRequest(),
    };

    private void Fail(string message)
    {
        Messages.Error = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}
