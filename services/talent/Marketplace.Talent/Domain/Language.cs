namespace Marketplace.Talent.Domain;

/// <summary>Languages a talent works in (the ones Hong Kong projects ask for most).</summary>
public enum Language
{
    Cantonese,
    English,
    Putonghua,
    Japanese,
    Korean,
    French,
    German,
    Hindi,
    Urdu,
    Tagalog,
    Indonesian,
    Thai,
    Vietnamese,
}
