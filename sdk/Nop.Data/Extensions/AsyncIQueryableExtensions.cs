using System.Linq.Expressions;
using Nop.Core;

// nopCommerce declares these in System.Linq (assembly Nop.Data); its bodies run through linq2db.
// The stand-in bodies run the query in memory.
namespace System.Linq;

public static class AsyncIQueryableExtensions
{
    public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate == null ? source.Any() : source.Any(predicate));

    public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate == null ? source.Count() : source.Count(predicate));

    public static Task<TSource> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate == null ? source.FirstOrDefault() : source.FirstOrDefault(predicate));

    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source) =>
        Task.FromResult(source.ToList());

    public static async Task<IPagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int pageIndex, int pageSize, bool getOnlyTotalCount = false)
    {
        pageSize = Math.Max(pageSize, 1);
        var total = await source.CountAsync();
        var page = getOnlyTotalCount || total == 0 ? new List<T>() : await source.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync();
        return new PagedList<T>(page, pageIndex, pageSize, total);
    }
}
