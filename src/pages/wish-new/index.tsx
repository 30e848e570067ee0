import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormErrorBanner, FormField } from '../../components/form-field';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useCategories } from '../../hooks/use-categories';
import { useFieldErrors } from '../../hooks/use-field-errors';
import { useSubmit } from '../../hooks/use-submit';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import { parentsFrom, proxyFrom, ProxyFields, proxyInput, type Proxy } from '../../components/proxy-fields';
import { useMe } from '../../hooks/use-me';
import { wishCreate, type Input as ActionInput } from '../../shared/contract';
import { formErrors, lengthCount } from '../../utils/form-errors';
import './index.scss';

/** 发心愿: for oneself, or (代办) for a resident of one's place (grid workers, staff) or a parent who consented (代办人). */
function WishNewPage() {
  const { params } = useRouter();
  const me = useMe();
  const categories = useCategories();
  const parents = parentsFrom(params);
  const roles = me.data?.roles ?? [];
  const organiser = roles.includes('grid_worker') || roles.includes('staff');
  // 我的 → 代办心愿 opens it filing for someone; 我的家庭 → 为TA发心愿, for that parent.
  const [proxy, setProxy] = useState<Proxy>(() => proxyFrom(params, parents));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [preferredTime, setPreferredTime] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const { submit, submitting, failure, fieldErrors, clearField } = useSubmit('wish.create');

  const items = categories.data?.items ?? [];
  const category = items.find((c) => c.id === categoryId);
  const { fileIDs, uploading } = uploaded(photos);
  const onBehalfOf = proxyInput(proxy);
  const payload = {
    title,
    description,
    categoryId,
    photos: fileIDs,
    ...(preferredTime.trim() ? { preferredTime } : {}),
    ...(onBehalfOf ? { onBehalfOf } : {}),
  } as ActionInput<'wish.create'>;
  const errors = useFieldErrors(formErrors(wishCreate.input, payload), fieldErrors);

  // Typing in a field clears the server's complaint about it; the rest of the form keeps its messages.
  function edit(field: string, set: (value: string) => void) {
    return (value: string) => {
      set(value);
      clearField(field);
    };
  }
  const editTitle = edit('title', setTitle);
  const editDescription = edit('description', setDescription);
  const editCategory = edit('categoryId', setCategoryId);
  const editTime = edit('preferredTime', setPreferredTime);

  // An invalid form is not sent, and so asks for no notice consent: there is nothing to be notified about.
  async function onSubmit() {
    if (!errors.check()) return;
    const reply = await submit(payload);
    if (!reply?.ok) return;
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
    void Taro.redirectTo({ url: onBehalfOf ? '/pages/wish-mine/index?kind=filed' : '/pages/wish-mine/index' });
  }

  if (categories.state === 'loading' || me.state === 'loading')
    return (
      <PageShell>
        <Loading />
      </PageShell>
    );
  if (categories.state === 'error') {
    return (
      <PageShell>
        <ErrorView error={categories.error} onRetry={categories.reload} />
      </PageShell>
    );
  }

  return (
    <PageShell className="wish-new">
      <Text className="wish-new__intro">说说你需要什么帮助。网格员审核后，心愿会出现在心愿墙上，由党员志愿者认领。</Text>
      <FormErrorBanner errors={errors.all} />
      {/* A refusal over fields is shown by the fields; it goes once they are all edited. */}
      {failure && errors.all.length === 0 && (failure.code !== 'BAD_INPUT' || Object.keys(fieldErrors).length > 0) && (
        <View className="banner-error">{failure.message}</View>
      )}
      <View className="wish-new__form">
        {(organiser || parents.length > 0) && (
          <ProxyFields
            value={proxy}
            organiser={organiser}
            byNameAllowed={false}
            parents={parents}
            verb="发布心愿"
            errorOf={errors.of}
            onBlur={() => errors.touch('onBehalfOf')}
            onChange={setProxy}
          />
        )}
        <FormField label="心愿标题" error={errors.of('title')} hint="2–30 个字，例如“厨房水龙头漏水”" count={lengthCount(title, 30)}>
          <Input
            className="wish-new__input"
            value={title}
            // Not cut at 30: the counter and the error say it is too long, and the person chooses what to drop.
            maxlength={-1}
            onBlur={() => errors.touch('title')}
            placeholder="一句话说明需要什么帮助"
            placeholderClass="input-placeholder"
            onInput={(e) => editTitle(e.detail.value)}
          />
        </FormField>
        <FormField label="详细说明" error={errors.of('description')} count={lengthCount(description, 500)}>
          <Textarea
            className="wish-new__textarea"
            value={description}
            maxlength={-1}
            onBlur={() => errors.touch('description')}
            placeholder="什么时间、什么地点、具体需要做什么"
            placeholderClass="input-placeholder"
            onInput={(e) => editDescription(e.detail.value)}
          />
        </FormField>
        <FormField
          label="类别"
          error={errors.of('categoryId')}
          hint={category ? `帮助你的志愿者可获 ${category.minPoints}–${category.maxPoints} 积分（网格员审核时确定）` : undefined}
        >
          <Picker
            mode="selector"
            range={items.map((c) => c.name)}
            value={Math.max(
              0,
              items.findIndex((c) => c.id === categoryId),
            )}
            onChange={(e) => editCategory(items[Number(e.detail.value)]?.id ?? '')}
          >
            <View className={`wish-new__picker${category ? '' : ' is-placeholder'}`}>{category?.name ?? '请选择类别'}</View>
          </Picker>
        </FormField>
        <FormField label="期望时间（可选）" error={errors.of('preferredTime')} count={lengthCount(preferredTime, 40)}>
          <Input
            className="wish-new__input"
            value={preferredTime}
            maxlength={-1}
            onBlur={() => errors.touch('preferredTime')}
            placeholder="例如：周六上午、工作日晚上"
            placeholderClass="input-placeholder"
            onInput={(e) => editTime(e.detail.value)}
          />
        </FormField>
        <FormField label={`图片（可选，最多 3 张）`} error={errors.of('photos')}>
          <PhotoPicker photos={photos} onChange={setPhotos} max={3} />
        </FormField>
      </View>
      <View className="wish-new__actions">
        <ActionButton disabled={uploading} busy={submitting} onClick={onSubmit}>
          {submitting ? '正在提交…' : uploading ? '图片上传中…' : '提交心愿'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default WishNewPage;
