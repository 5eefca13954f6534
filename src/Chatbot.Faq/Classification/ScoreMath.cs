namespace Chatbot.Faq.Classification;

/// <summary>Small helpers over probability vectors.</summary>
internal static class ScoreMath
{
    public static (int Index, float Score) Best(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return scores.Length == 0 ? (-1, 0f) : (best, scores[best]);
    }

    /// <summary>How many slots score higher than <paramref name="index"/> (0 = best).</summary>
    public static int Rank(ReadOnlySpan<float> scores, int index)
    {
        var rank = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > scores[index] || (scores[i] == scores[index] && i < index))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>Writes the indices of the <paramref name="top"/>.Length best slots, best first.</summary>
    public static int Top(ReadOnlySpan<float> scores, Span<int> top)
    {
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (count == top.Length && s <= scores[top[count - 1]])
            {
                continue;
            }

            var at = Math.Min(count, top.Length - 1);
            while (at > 0 && scores[top[at - 1]] < s)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
            count = Math.Min(count + 1, top.Length);
        }

        return count;
    }
}
