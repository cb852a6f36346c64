namespace Portal.Domain.People;

public enum Sex
{
    Male = 1,
    Female = 2,
}
