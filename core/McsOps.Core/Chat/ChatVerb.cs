namespace McsOps.Core;

/// <summary>The chat commands of design §7; <see cref="Unknown"/> is anything else.</summary>
public enum ChatVerb
{
    Unknown,
    Help,
    MyReviews,
    ReviewGroup,
    PasswordChanged,
    Checklist,
    Status,
    Link,
}
