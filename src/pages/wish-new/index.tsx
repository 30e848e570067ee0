import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useCategories } from '../../hooks/use-categories';
import { useSubmit } from '../../hooks/use-submit';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import './index.scss';

function WishNewPage() {
  const categories = useCategories();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [preferredTime, setPreferredTime] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const { submit, submitting, failure, fieldErrors, clearField } = useSubmit('wish.create');

  const items = categories.data?.items ?? [];
  const category = items.find((c) => c.id === categoryId);
  const { fileIDs, uploading } = uploaded(photos);

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

  async function onSubmit() {
    const reply = await submit({ title, description, categoryId, photos: fileIDs, ...(preferredTime.trim() ? { preferredTime } : {}) });
    if (!reply?.ok) return;
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
    void Taro.redirectTo({ url: '/pages/wish-mine/index' });
  }

  if (categories.state === 'loading')
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
      {failure && <View className="banner-error">{failure.message}</View>}
      <View className="wish-new__form">
        <FormField label="心愿标题" error={fieldErrors.title} hint="2–30 个字，例如“厨房水龙头漏水”">
          <Input
            className="wish-new__input"
            value={title}
            maxlength={30}
            placeholder="一句话说明需要什么帮助"
            placeholderClass="input-placeholder"
            onInput={(e) => editTitle(e.detail.value)}
          />
        </FormField>
        <FormField label="详细说明" error={fieldErrors.description}>
          <Textarea
            className="wish-new__textarea"
            value={description}
            maxlength={500}
            placeholder="什么时间、什么地点、具体需要做什么"
            placeholderClass="input-placeholder"
            onInput={(e) => editDescription(e.detail.value)}
          />
        </FormField>
        <FormField
          label="类别"
          // The contract's generic "缺少编号" reads oddly for a picker nobody touched.
          error={fieldErrors.categoryId && !categoryId ? '请选择类别' : fieldErrors.categoryId}
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
        <FormField label="期望时间（可选）" error={fieldErrors.preferredTime}>
          <Input
            className="wish-new__input"
            value={preferredTime}
            maxlength={40}
            placeholder="例如：周六上午、工作日晚上"
            placeholderClass="input-placeholder"
            onInput={(e) => editTime(e.detail.value)}
          />
        </FormField>
        <FormField label={`图片（可选，最多 3 张）`} error={fieldErrors.photos}>
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
