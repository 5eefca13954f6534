namespace Chatbot.Faq.Publishing;

/// <summary>Looks down the published versions for the one a candidate is compared with.</summary>
internal static class VersionLineage
{
    /// <summary>
    /// The macro-F1 to compare with: the baseline's, or, while its cross-validation is still pending (a newer publish
    /// interrupted it), that of the newest cross-validated version below it.
    /// </summary>
    public static double? LastCrossValidatedMacroF1(ModelVersionStore store, PublishedState? state, PublishedVersion baseline)
    {
        if (baseline.Info.CrossValidated)
        {
            return baseline.Classifier.Metadata.Metrics.MacroF1;
        }

        var versions = state?.Versions ?? [];
        for (var i = versions.ToList().LastIndexOf(baseline.Version) - 1; i >= 0; i--)
        {
            try
            {
                if (store.ReadInfo(versions[i]) is { CrossValidated: true, Metrics.MacroF1: { } macroF1 })
                {
                    return macroF1;
                }
            }
            catch (ModelVersionStoreException)
            {
                // A damaged older version: look further down.
            }
        }

        return null;
    }

    /// <summary>The newest version below the current one whose model differs (another <see cref="VersionInfo.TrainingHash"/>).</summary>
    public static string? OtherModelBelow(ModelVersionStore store, PublishedState state, string trainingHash)
    {
        for (var i = state.Versions.Count - 2; i >= 0; i--)
        {
            try
            {
                if (store.ReadInfo(state.Versions[i]).TrainingHash != trainingHash)
                {
                    return state.Versions[i];
                }
            }
            catch (ModelVersionStoreException)
            {
                // A damaged older version cannot be compared with or rolled back to: look further down.
            }
        }

        return null;
    }
}
