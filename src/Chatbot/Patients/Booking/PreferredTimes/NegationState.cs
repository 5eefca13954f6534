using System.Collections.Frozen;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Whether the phrases being read are ruled out: a negation word makes it pending, the first phrase after it fixes the
/// category it reaches (days or times), and it lasts over "and", "or" and commas until a phrase of the other category
/// or a word that is neither a connector nor a filler.
/// </summary>
internal sealed class NegationState
{
    private static readonly FrozenSet<string> NegationFillers = FrozenSet.ToFrozenSet(
        ["do", "make", "come", "go", "get", "on", "the", "any", "in", "it", "be", "there", "attend", "manage", "able", "to", "i", "me", "really", "doing", "for"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Connectors = FrozenSet.ToFrozenSet(["and", "or", "on", "the", "in", "any", "every", "at"], StringComparer.Ordinal);

    private Phase _phase;
    private PhraseCategory _negatedCategory;
    private bool _danglingIsUnclear;

    private enum Phase
    {
        None,
        Pending,
        Active,
    }

    /// <summary>True once any negation reached a phrase, so a later "but" ("not Tuesday but Wednesday") ends it.</summary>
    public bool HadNegation { get; private set; }

    public bool IsNone => _phase == Phase.None;

    /// <summary>Days are being ruled out right now ("can't do Tuesday …").</summary>
    public bool RulesOutDays => _phase == Phase.Active && _negatedCategory == PhraseCategory.Day;

    /// <summary>A negation word ("not", "can't") was left with nothing after it: its target came first, so it is unclear.</summary>
    public bool IsDanglingAndUnclear => _phase == Phase.Pending && _danglingIsUnclear;

    public void Begin(bool danglingIsUnclear) => (_phase, _danglingIsUnclear) = (Phase.Pending, danglingIsUnclear);

    public void End() => _phase = Phase.None;

    /// <summary>Whether a phrase of <paramref name="category"/> is ruled out; the first phrase after a negation word decides what it reaches.</summary>
    public bool IsNegated(PhraseCategory category)
    {
        switch (_phase)
        {
            case Phase.Pending:
                (_phase, _negatedCategory, HadNegation) = (Phase.Active, category, true);
                return true;
            case Phase.Active when _negatedCategory == category:
                return true;
            default:
                _phase = Phase.None;
                return false;
        }
    }

    /// <summary>A word no recognizer knew: fillers keep a pending negation, connectors and commas an active one; anything else ends it.</summary>
    public void OnSkipped(TimeToken token)
    {
        if (_phase == Phase.Pending && !(token.Kind == TimeTokenKind.Word && NegationFillers.Contains(token.Word!)))
        {
            _phase = Phase.None;
        }
        else if (_phase == Phase.Active && token.Kind != TimeTokenKind.Comma && !(token.Kind == TimeTokenKind.Word && Connectors.Contains(token.Word!)))
        {
            _phase = Phase.None;
        }
    }
}
