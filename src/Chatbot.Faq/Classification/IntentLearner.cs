namespace Chatbot.Faq.Classification;

/// <summary>Which learner sits on top of the features.</summary>
public enum IntentLearner
{
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression): calibrated softmax probabilities.</summary>
    MaxEnt,

    /// <summary>The average of L-BFGS maximum entropy and one-versus-all averaged perceptron (Platt-calibrated) probabilities.</summary>
    MaxEntPlusAveragedPerceptron,

    /// <summary>One-versus-all averaged perceptron (Platt-calibrated, normalized): much faster to train on large data.</summary>
    AveragedPerceptron,
}
