using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticRollUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierStatistics_Day_CommuneCode",
                table: "DossierStatistics");

            migrationBuilder.CreateIndex(
                name: "IX_DossierStatistics_CommuneCode_Day",
                table: "DossierStatistics",
                columns: new[] { "CommuneCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierStatistics_ProcedureCode_Day",
                table: "DossierStatistics",
                columns: new[] { "ProcedureCode", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierStatistics_CommuneCode_Day",
                table: "DossierStatistics");

            migrationBuilder.DropIndex(
                name: "IX_DossierStatistics_ProcedureCode_Day",
                table: "DossierStatistics");

            migrationBuilder.CreateIndex(
                name: "IX_DossierStatistics_Day_CommuneCode",
                table: "DossierStatistics",
                columns: new[] { "Day", "CommuneCode" });
        }
    }
}
