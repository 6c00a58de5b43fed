namespace McsOps.Core;

public enum DeviceStatus
{
    [Token("in_use", "使用中")] InUse,
    [Token("lost", "紛失")] Lost,
    [Token("returned", "返却")] Returned,
    [Token("retired", "廃棄")] Retired,
}
