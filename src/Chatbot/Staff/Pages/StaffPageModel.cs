using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chatbot.Staff.Pages;

/// <summary>The base of every staff page: never cached (the pages show unpublished content and patients' questions).</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class StaffPageModel : PageModel
{
    /// <summary>What to tell the staff member.</summary>
    public StaffMessages Messages { get; } = new();

    /// <summary>The signed-in staff member's name, for the audit log.</summary>
    protected string StaffName => User.Identity?.Name is { Length: > 0 } name ? name : "unknown";
}
