using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Features.Account;

/// <summary>Identity's messages (password rules, duplicate accounts) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Mật khẩu phải có ít nhất {0} ký tự.", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["Mật khẩu phải có ít nhất một chữ số."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["Mật khẩu phải có ít nhất một chữ thường."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["Mật khẩu phải có ít nhất một chữ hoa."]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["Mật khẩu phải có ít nhất một ký tự đặc biệt."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Số định danh hoặc tên đăng nhập này đã có tài khoản."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Tên đăng nhập không hợp lệ."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
