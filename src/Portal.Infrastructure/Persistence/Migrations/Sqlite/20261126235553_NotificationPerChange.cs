using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationPerChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_DossierId_Status",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DossierId_Status_At",
                table: "Notifications",
                columns: new[] { "DossierId", "Status", "At" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_DossierId_Status_At",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DossierId_Status",
                table: "Notifications",
                columns: new[] { "DossierId", "Status" },
                unique: true);
        }
    }
}
