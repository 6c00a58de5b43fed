namespace McsOps.Core;

/// <summary>The action ids of the buttons McsOps sends, and the ids of its text inputs.</summary>
public static class ChatActions
{
    /// <summary>Value: a group code. Shows the group's members for its review.</summary>
    public const string ReviewGroup = "review_group";

    /// <summary>Value: <c>G-0042/S-0002</c>. The three decisions on one member.</summary>
    public const string Keep = "review_keep";

    public const string Remove = "review_remove";

    public const string Unsure = "review_unsure";

    /// <summary>Value: the id of an item of the clicker's own offboarding checklist.</summary>
    public const string ChecklistDone = "checklist_done";

    /// <summary>The input box of a review sheet: the justification sent with a decision.</summary>
    public const string Justification = "justification";

    /// <summary>The input box of a checklist: the evidence sent with a done item.</summary>
    public const string Evidence = "evidence";
}
