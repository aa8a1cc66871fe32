using Nop.Core;

namespace Nop.Web.Framework.Models.Extensions;

public static class ModelExtensions
{
    public static TListModel PrepareToGrid<TListModel, TModel, TObject>(this TListModel listModel,
        BaseSearchModel searchModel, IPagedList<TObject> objectList, Func<IEnumerable<TModel>> dataFillFunction)
        where TListModel : BasePagedListModel<TModel>
        where TModel : BaseNopModel
    {
        ArgumentNullException.ThrowIfNull(listModel);
        listModel.Data = dataFillFunction?.Invoke();
        listModel.Draw = searchModel?.Draw;
        listModel.RecordsTotal = listModel.RecordsFiltered = objectList?.TotalCount ?? 0;
        return listModel;
    }
}
